// Bundles the browser SDK (sdk/) into public/sdk.js with esbuild, and holds it to its size budget.
import { build } from "esbuild";
import { existsSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const BUDGET_BYTES = 12 * 1024; // gzipped: the SDK loads on every page of every customer's app

if (!existsSync("sdk/index.ts")) {
  console.log("build:sdk: no sdk/index.ts yet, nothing to bundle");
  process.exit(0);
}
await build({
  entryPoints: ["sdk/index.ts"],
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2019"],
  outfile: "public/sdk.js",
  legalComments: "none",
  logLevel: "info",
});
const gzipped = gzipSync(readFileSync("public/sdk.js")).length;
console.log(`build:sdk: public/sdk.js is ${gzipped} bytes gzipped (budget ${BUDGET_BYTES})`);
if (gzipped > BUDGET_BYTES) {
  console.error("build:sdk: over the size budget");
  process.exit(1);
}
