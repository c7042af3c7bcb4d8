// The browser SDK's weight: builds it (scripts/build-sdk.mjs) and prints the raw and gzipped size of
// public/sdk.js against its budget, and of any lazily loaded chunk (public/sdk-*.js) beside it.
//   npx tsx --conditions=react-server bench/sdk-size.bench.ts
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { runBench } from "./lib/run-bench";

const BUDGET_GZIP = 12 * 1024;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function measure(file: string): { raw: number; gzip: number } {
  const code = readFileSync(file);
  return { raw: code.length, gzip: gzipSync(code).length };
}

runBench(120_000, async () => {
  // esbuild's own report goes to stderr; it is shown only when the build fails (in the thrown error).
  execFileSync(process.execPath, ["scripts/build-sdk.mjs"], { stdio: "pipe" });
  const main = path.join("public", "sdk.js");
  if (!existsSync(main)) throw new Error("public/sdk.js was not built (is there an sdk/index.ts?)");
  const chunks = readdirSync("public").filter((f) => /^sdk-.+\.js$/.test(f)).sort();
  const initial = measure(main);
  const ok = initial.gzip <= BUDGET_GZIP;
  console.log(`public/sdk.js  ${kb(initial.raw).padStart(9)} raw  ${kb(initial.gzip).padStart(8)} gzip  (budget ${kb(BUDGET_GZIP)} gzip, ${Math.round((initial.gzip / BUDGET_GZIP) * 100)}% used): ${ok ? "PASS" : "OVER BUDGET"}`);
  for (const chunk of chunks) {
    const size = measure(path.join("public", chunk));
    console.log(`public/${chunk}  ${kb(size.raw).padStart(9)} raw  ${kb(size.gzip).padStart(8)} gzip  (loaded lazily, outside the budget)`);
  }
  if (!chunks.length) console.log("no lazily loaded chunks (public/sdk-*.js)");
  return ok ? 0 : 1;
});
