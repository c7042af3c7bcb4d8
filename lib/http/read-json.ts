import "server-only";
// Body reading for public JSON endpoints (changelog, SDK): an explicit size cap (413), JSON (400) and zod
// validation (400), answered in the one problem+json format.
import type { z } from "zod";
import { problem } from "@/lib/http/problem";

/** Reads a request body up to `max` bytes; undefined once it grows past the limit. */
export async function readBodyCapped(req: Request, max: number): Promise<Uint8Array | undefined> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > max) return undefined;
  if (!req.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export async function readJson<S extends z.ZodType>(
  req: Request,
  schema: S,
  max: number,
  headers?: HeadersInit,
): Promise<{ ok: true; data: z.infer<S> } | { ok: false; response: Response }> {
  const bytes = await readBodyCapped(req, max);
  if (!bytes) return { ok: false, response: problem(413, `Request body is larger than ${max} bytes.`, undefined, headers) };
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(bytes).toString("utf8") || "null");
  } catch {
    return { ok: false, response: problem(400, "Request body is not valid JSON.", undefined, headers) };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, response: problem(400, parsed.error.issues[0]?.message ?? "Invalid request.", parsed.error.issues, headers) };
  return { ok: true, data: parsed.data };
}
