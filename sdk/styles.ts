// The one stylesheet of every Herald shadow root. Theme colours arrive as custom properties on the host
// (--hc primary, --ht text, --hg background); :host(herald-preview) lays everything out inside the dashboard preview.
const CSS = `:host{all:initial;position:fixed;top:0;left:0;z-index:2147483000;--hc:#4f46e5;--ht:#0f172a;--hg:#fff;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ht)}
:host(herald-badge){position:static;display:inline}
:host(herald-preview){position:relative;display:block;z-index:0;min-height:12rem}
*{box-sizing:border-box}
.ov{position:fixed;inset:0;display:flex;align-items:center;justify-content:center;padding:16px;background:#0f172a99;animation:f .2s}
.dlg,.pop,.card,.bar,.dr{background:var(--hg);color:var(--ht);border-radius:12px;box-shadow:0 8px 32px #0f172a40;padding:20px}
.dlg{position:relative;width:min(480px,100%);max-height:90vh;overflow:auto;padding:24px}
.dr{position:fixed;top:0;right:0;bottom:0;width:min(380px,100%);border-radius:0;overflow:auto}
.pop{position:fixed;width:min(320px,calc(100vw - 16px));padding:16px}
.c{left:50%!important;top:50%!important;transform:translate(-50%,-50%)}
.card{position:fixed;right:16px;bottom:16px;width:min(360px,calc(100vw - 32px))}
.bar{position:fixed;left:0;right:0;top:0;border-radius:0;padding:10px 48px 10px 16px;display:flex;gap:8px 16px;align-items:center;justify-content:center;flex-wrap:wrap}
.bar.b{top:auto;bottom:0}.bar p{margin:0}.bar .row{margin:0}
.x{position:absolute;top:8px;right:8px;background:none;border:0;font-size:20px;line-height:1;cursor:pointer;color:inherit;padding:4px 8px;border-radius:6px}
h2{font-size:18px;line-height:1.3;margin:0 40px 8px 0}
p,ul,ol{margin:0 0 8px}ul,ol{padding-left:20px}
img{display:block;max-width:100%;border-radius:8px;margin-bottom:12px}
a{color:var(--hc)}
code{font:13px ui-monospace,monospace;background:#64748b26;padding:0 4px;border-radius:4px}
.row{display:flex;gap:8px;flex-wrap:wrap;align-items:center;justify-content:flex-end;margin-top:16px}
.btn,.sc button{font:inherit;font-weight:600;border:1px solid var(--hc);background:var(--hc);color:#fff;border-radius:8px;padding:6px 14px;cursor:pointer}
.s,.sc button{background:none;color:var(--hc)}
.sc{display:grid;grid-auto-flow:column;grid-auto-columns:1fr;gap:4px}.sc button{min-width:0;padding:6px 0}
.sc .on{background:var(--hc);color:#fff}
button:disabled{opacity:.5;cursor:default}
.sm{font-size:12px;opacity:.8}.ends{display:flex;justify-content:space-between}
.bcn{position:fixed;width:18px;height:18px;border-radius:50%;border:2px solid var(--hg);padding:0;background:var(--hc);cursor:pointer}
.bcn::after{content:"";position:absolute;inset:-2px;border-radius:50%;background:var(--hc);animation:p 1.6s infinite}
@keyframes p{to{transform:scale(2.4);opacity:0}}@keyframes f{from{opacity:0}}
:focus-visible{outline:2px solid var(--hc);outline-offset:2px}
label{display:flex;gap:8px;align-items:center;padding:4px 0}
textarea{width:100%;min-height:80px;font:inherit;color:inherit;background:none;padding:8px;border:1px solid #94a3b8;border-radius:8px}
fieldset{border:0;margin:0;padding:0}
.cl{list-style:none;padding:0}.cl li{padding:12px 0;border-bottom:1px solid #64748b33}.cl a{font-weight:600}
.badge{display:inline-block;min-width:18px;padding:0 5px;margin-left:4px;border-radius:9px;background:#dc2626;color:#fff;font:700 11px/18px system-ui,sans-serif;text-align:center}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
[hidden]{display:none!important}
@media (prefers-reduced-motion:reduce){*,::after{animation:none!important;transition:none!important}}
:host(herald-preview) .ov,:host(herald-preview) .pop,:host(herald-preview) .card,:host(herald-preview) .bar,:host(herald-preview) .dr{position:relative;inset:auto;margin:auto}
:host(herald-preview) .ov{min-height:12rem}:host(herald-preview) .pop,:host(herald-preview) .card{margin:16px auto}
:host(herald-preview) .bcn{position:relative;display:block;margin:16px auto 0}`;

let sheet: CSSStyleSheet | undefined;

/** A constructable stylesheet shared by every root; a <style> element where those are unsupported. */
export function adopt(root: ShadowRoot): void {
  try {
    if (!sheet) (sheet = new CSSStyleSheet()).replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
  } catch {
    const s = document.createElement("style");
    s.textContent = CSS;
    root.append(s);
  }
}
