"use client";

import Script from "next/script";
import { useEffect, useRef, useState } from "react";

type Theme = { primaryColor: string; textColor: string; backgroundColor: string };
/** The renderer /sdk.js exposes for the dashboard (the same one end users see, in a shadow root). */
type Preview = (container: HTMLElement, experience: { type: string; content: unknown }, theme?: Theme) => (() => void) | void;

function sdkPreview(): Preview | undefined {
  const herald = (window as unknown as { herald?: { preview?: unknown } }).herald;
  return typeof herald?.preview === "function" ? (herald.preview as Preview) : undefined;
}

/** Renders the experience being edited with the SDK's own renderer, beside the form, as it changes. */
export function LivePreview({ type, content, theme }: { type: string; content: unknown; theme: Theme }) {
  const ref = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<"loading" | "ready" | "unavailable">("loading");

  useEffect(() => {
    if (state !== "ready" || !ref.current) return;
    const container = ref.current;
    try {
      const cleanup = sdkPreview()?.(container, { type, content }, theme);
      return () => {
        if (typeof cleanup === "function") cleanup();
      };
    } catch {
      // Half-typed content may not render yet; the form's validation explains what is missing.
      container.textContent = "Complete the required fields to see the preview.";
    }
  }, [state, type, content, theme]);

  return (
    <section aria-labelledby="preview-heading" className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <h2 id="preview-heading" className="mb-3 text-sm font-semibold text-slate-800">Live preview</h2>
      <Script src="/sdk.js" strategy="afterInteractive" onReady={() => setState(sdkPreview() ? "ready" : "unavailable")} onError={() => setState("unavailable")} />
      {state === "unavailable" ? (
        <p role="status" className="rounded-md bg-slate-50 p-4 text-sm text-slate-600">
          Preview unavailable: this server does not serve the Herald SDK renderer (/sdk.js). The experience can still be saved and published.
        </p>
      ) : null}
      {state === "loading" ? <p className="text-sm text-slate-500">Loading preview…</p> : null}
      <div ref={ref} data-testid="preview-container" className="relative min-h-48 overflow-hidden rounded-md bg-slate-100" hidden={state !== "ready"} />
    </section>
  );
}
