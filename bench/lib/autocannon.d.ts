// The part of autocannon's API the benches use (the package ships no types).
declare module "autocannon" {
  type Stats = { average: number; p50: number; p99: number; total: number };
  export type Request = {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    setupRequest?: (req: Request, context: Record<string, unknown>) => Request;
    onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
  };
  export type Options = { url: string; connections?: number; duration?: number; timeout?: number; requests?: Request[] };
  export type Result = { duration: number; errors: number; timeouts: number; non2xx: number; latency: Stats; requests: Stats };
  export default function autocannon(opts: Options): Promise<Result>;
}
