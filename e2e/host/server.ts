// A Herald customer's app on another origin than Herald, for end-to-end tests and `npm run demo`.
// GET /?key=pk_…&app=http://… serves index.html with the install snippet filled in (HOST_KEY and
// HOST_APP give defaults, HOST_PORT the port); any /app/* path serves the same page (SPA routes).
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { E2E } from "../support/ports";

const page = readFileSync(path.join(__dirname, "index.html"), "utf8");

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? "/", E2E.hostUrl);
  if (url.pathname === "/health") return res.writeHead(200, { "content-type": "text/plain" }).end("ok");
  if (url.pathname !== "/" && !url.pathname.startsWith("/app/")) return res.writeHead(404).end();
  const key = url.searchParams.get("key") ?? process.env.HOST_KEY ?? "";
  const app = url.searchParams.get("app") ?? process.env.HOST_APP ?? E2E.appUrl;
  // Only values that cannot break out of the snippet's string and attribute.
  if (!/^[\w-]*$/.test(key) || !/^https?:\/\/[\w.:-]+$/.test(app)) return res.writeHead(400).end("bad key or app");
  res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" }).end(page.replace("{{key}}", key).replace("{{app}}", app));
});
server.listen(Number(process.env.HOST_PORT ?? E2E.hostPort), "127.0.0.1");
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.close(() => process.exit(0)));
