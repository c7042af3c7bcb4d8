// Bundles the browser SDK (sdk/) into public/sdk.js with esbuild.
import { build } from "esbuild";
import { existsSync } from "node:fs";

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
