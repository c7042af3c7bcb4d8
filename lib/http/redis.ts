// One Redis connection per process when REDIS_URL is set (shared rate limits across instances).
// Commands fail fast while Redis is away instead of queueing, and the connection keeps retrying.
import { Redis } from "ioredis";
import { log } from "@/lib/log";

type Held = { url: string; client: Redis; firstConnect: Promise<void> };
const globalForRedis = globalThis as unknown as { heraldRedis?: Held };
const FIRST_CONNECT_MS = 1_000;

/** The client once it is usable; undefined without REDIS_URL or while Redis cannot be reached. */
export async function redisClient(): Promise<Redis | undefined> {
  const url = process.env.REDIS_URL;
  if (!url) return undefined;
  if (globalForRedis.heraldRedis?.url !== url) {
    const client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2_000 });
    let warned = 0;
    client.on("error", (error) => {
      if (Date.now() - warned < 60_000) return;
      warned = Date.now();
      log.warn("redis.unavailable", { error });
    });
    // The first requests wait (briefly) for the connection instead of all falling back at start.
    const firstConnect = new Promise<void>((resolve) => {
      client.once("ready", resolve);
      setTimeout(resolve, FIRST_CONNECT_MS).unref();
    });
    globalForRedis.heraldRedis = { url, client, firstConnect };
  }
  const held = globalForRedis.heraldRedis;
  await held.firstConnect;
  return held.client.status === "ready" ? held.client : undefined;
}

export async function closeRedis(): Promise<void> {
  const current = globalForRedis.heraldRedis;
  globalForRedis.heraldRedis = undefined;
  await current?.client.quit().catch(() => current.client.disconnect());
}
