// One autocannon run, reduced to the figures the benches print.
import autocannon, { type Request } from "autocannon";
import { availableParallelism, loadavg } from "node:os";

export type TLoad = { rps: number; p50: number; p99: number; requests: number; failed: number; seconds: number };

export async function load(url: string, request: Request, seconds: number, connections = 50): Promise<TLoad> {
  const r = await autocannon({ url, connections, duration: seconds, timeout: 10, requests: [request] });
  return { rps: r.requests.total / r.duration, p50: r.latency.p50, p99: r.latency.p99, requests: r.requests.total, failed: r.non2xx + r.errors + r.timeouts, seconds: r.duration };
}

export const fmt = (l: TLoad) => `${l.rps.toFixed(0).padStart(6)} req/s   p50 ${l.p50.toFixed(1).padStart(5)} ms   p99 ${l.p99.toFixed(1).padStart(6)} ms   (${l.requests} requests, ${l.failed} failed)`;

/** Other work on the machine skews every figure: printed beside them so that a run can be judged. */
export const machineLoad = () => `${availableParallelism()} cores, load average ${loadavg()[0].toFixed(1)}`;
