// The extra stylesheet of sdk-extras.js, added beside the SDK's own in each shadow root it renders into.
const CSS = `.ck{position:fixed;left:16px;bottom:16px;width:min(340px,calc(100vw - 32px));max-height:75vh;overflow:auto;background:var(--hg);color:var(--ht);border-radius:12px;box-shadow:0 8px 32px #0f172a40;padding:16px}
.ck h2{margin-right:64px}.ck .mn{right:40px}
.pg{height:6px;border-radius:3px;background:#64748b33;margin:4px 0 12px;overflow:hidden}.pg i{display:block;height:100%;background:var(--hc);transition:width .3s}
.tk,.rc ul{list-style:none;padding:0;margin:0}
.tk li{border-top:1px solid #64748b26;padding:4px 0}
.tk button,.tk .t{display:flex;gap:10px;align-items:flex-start;width:100%;text-align:left;font:inherit;color:inherit;background:none;border:0;padding:6px 4px;border-radius:6px}
.tk button{cursor:pointer}.tk button:hover{background:#64748b1a}
.tk small{display:block;font-size:12px;opacity:.8}
.ic{flex:none;width:18px;height:18px;margin-top:2px;border-radius:50%;border:2px solid var(--hc);color:#fff;font:700 11px/14px system-ui,sans-serif;text-align:center}
.dn .ic{background:var(--hc)}.dn .lb{text-decoration:line-through}
.cel{margin:12px 0 0;font-weight:600}
.ckp,.lc{position:fixed;bottom:16px;font:inherit;font-weight:600;border:0;background:var(--hc);color:#fff;border-radius:20px;padding:8px 16px;box-shadow:0 4px 16px #0f172a40;cursor:pointer}
.ckp{left:16px}.lc{right:16px}
.rs input{width:100%;font:inherit;color:inherit;background:none;padding:8px;border:1px solid #64748b;border-radius:8px;margin:4px 0 8px}
.rs label{display:block;padding:0;font-weight:600}
.rc section{margin-top:16px}.rc h3{font-size:14px;margin:0 0 4px}.rc li{padding:6px 0;border-bottom:1px solid #64748b26}
.rc li p{margin:2px 0 0;font-size:13px}
.ln{font:inherit;color:var(--hc);background:none;border:0;padding:0;cursor:pointer;text-decoration:underline;text-align:left}
:host(herald-preview) .ck,:host(herald-preview) .ckp,:host(herald-preview) .lc{position:relative;left:auto;right:auto;bottom:auto;display:block;margin:16px auto}`;

let sheet: CSSStyleSheet | undefined;

export function adoptExtras(root: Node): void {
  if (!(root instanceof ShadowRoot)) return;
  try {
    if (!sheet) (sheet = new CSSStyleSheet()).replaceSync(CSS);
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } catch {
    if (root.querySelector("style[data-x]")) return;
    const s = document.createElement("style");
    s.dataset.x = "";
    s.textContent = CSS;
    root.append(s);
  }
}
