// Bundles the browser SDK (sdk/) into public/sdk.js with esbuild, and holds it to its size budget.
// Checklists and the resource center go to a second script, public/sdk-extras.js, that sdk.js loads
// only on pages that show one (sdk/extras-loader.ts); it has its own, looser budget.
import { build } from "esbuild";
import { existsSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const BUNDLES = [
  // gzipped: the SDK loads on every page of every customer's app
  { entry: "sdk/index.ts", out: "public/sdk.js", budget: 12 * 1024 },
  { entry: "sdk/extras/index.ts", out: "public/sdk-extras.js", budget: 12 * 1024 },
];

if (!existsSync("sdk/index.ts")) {
  console.log("build:sdk: no sdk/index.ts yet, nothing to bundle");
  process.exit(0);
}
let over = false;
for (const b of BUNDLES) {
  await build({
    entryPoints: [b.entry],
    bundle: true,
    minify: true,
    format: "iife",
    target: ["es2019"],
    outfile: b.out,
    legalComments: "none",
    logLevel: "info",
  });
  const gzipped = gzipSync(readFileSync(b.out)).length;
  console.log(`build:sdk: ${b.out} is ${gzipped} bytes gzipped (budget ${b.budget})`);
  if (gzipped > b.budget) {
    console.error(`build:sdk: ${b.out} is over its size budget`);
    over = true;
  }
}
if (over) process.exit(1);
