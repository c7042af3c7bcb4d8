// Runs one bench to an exit code within a time limit. What the bench started (servers, scratch
// databases) is registered with `defer` and torn down however it ends: success, error, time-out,
// or Ctrl-C / SIGTERM from bench/run.ts.
export type Defer = (cleanup: () => unknown) => void;

export function runBench(limitMs: number, main: (defer: Defer) => Promise<number>): void {
  const cleanups: (() => unknown)[] = [];
  let finishing = false;
  const finish = async (code: number) => {
    if (finishing) return;
    finishing = true;
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        console.error("cleanup failed:", error);
      }
    }
    process.exit(code);
  };
  const timer = setTimeout(() => {
    console.error(`Bench exceeded ${limitMs / 1000} s.`);
    void finish(1);
  }, limitMs);
  timer.unref();
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void finish(1));
  main((cleanup) => cleanups.push(cleanup)).then(finish, (error) => {
    console.error(error);
    void finish(1);
  });
}
