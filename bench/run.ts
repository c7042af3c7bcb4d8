// `npm run bench`: every bench/*.bench.ts, one after another in its own process, each bounded in
// time; exits non-zero when one fails. `npm run bench -- sdk` runs only those whose name contains a
// given word. Builds the app first when a selected bench starts it and there is no build yet.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const LIMIT_MS = 6 * 60_000;
const KILL_GRACE_MS = 30_000;

const words = process.argv.slice(2);
const benches = readdirSync("bench")
  .filter((f) => f.endsWith(".bench.ts") && (words.length === 0 || words.some((w) => f.includes(w))))
  .sort()
  .map((f) => path.join("bench", f));

/** Runs one bench; on time-out asks it to clean up (SIGTERM), then kills it. Resolves to its exit code. */
function runOne(file: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(path.resolve("node_modules/.bin/tsx"), ["--conditions=react-server", file], { stdio: "inherit" });
    const term = setTimeout(() => {
      console.error(`${file} exceeded ${LIMIT_MS / 60_000} min: stopping it`);
      child.kill("SIGTERM");
    }, LIMIT_MS);
    const kill = setTimeout(() => child.kill("SIGKILL"), LIMIT_MS + KILL_GRACE_MS);
    child.on("exit", (code, signal) => {
      clearTimeout(term);
      clearTimeout(kill);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

async function main(): Promise<number> {
  if (!benches.length) {
    console.error(`No bench matches ${words.join(", ")}.`);
    return 1;
  }
  // Benches that measure the app over HTTP start it with bench/lib/next-server.ts.
  const needsBuild = benches.some((f) => readFileSync(f, "utf8").includes("startNextServer"));
  if (needsBuild && !existsSync(".next/BUILD_ID")) {
    console.log("No production build yet: npm run build");
    if (spawnSync("npm", ["run", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } }).status !== 0) return 1;
  }
  const results: { file: string; code: number; seconds: number }[] = [];
  for (const file of benches) {
    console.log(`\n━━ ${file}`);
    const start = Date.now();
    const code = await runOne(file);
    results.push({ file, code, seconds: (Date.now() - start) / 1000 });
  }
  console.log("\n━━ summary");
  for (const r of results) console.log(`  ${r.code === 0 ? "ok  " : "FAIL"}  ${r.file.padEnd(36)} ${r.seconds.toFixed(0).padStart(4)} s`);
  return results.every((r) => r.code === 0) ? 0 : 1;
}

main().then((code) => process.exit(code));
