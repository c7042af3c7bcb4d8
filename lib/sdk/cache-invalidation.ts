import "server-only";
// Cross-instance cache invalidation over PostgreSQL LISTEN/NOTIFY (DESIGN.md §5): no new service.
// Each instance keeps one listening connection, checked every 30 s; when it drops or stops answering,
// every cached workspace is forgotten (notifications may have been missed) and the connection is
// retried with backoff. PGlite is one process: there the in-process drop in workspace-cache.ts is all.
import { sql } from "drizzle-orm";
import pg from "pg";
import { databaseKind, db, tlsConfig } from "@/db";
import { log } from "@/lib/log";

const CHANNEL = "herald_sdk_cache";
export const LISTENER_NAME = "herald-sdk-cache";
type Handler = (workspaceId: string | undefined) => void;

let handler: Handler | undefined;

const HEARTBEAT_MS = 30_000;

/** Resolves false when the listening connection does not answer in time (a silent failover). */
export function answersWithin(client: Pick<pg.Client, "query">, ms: number): Promise<boolean> {
  return Promise.race([client.query("select 1").then(() => true, () => false), new Promise<boolean>((r) => setTimeout(() => r(false), ms).unref())]);
}

function listen(url: string, attempt: number): void {
  // Named, so that operators (and the fault bench) can tell this connection from the pool's.
  const client = new pg.Client({ ...tlsConfig(url), application_name: LISTENER_NAME });
  let retried = false;
  let heartbeat: NodeJS.Timeout | undefined;
  const retry = () => {
    if (retried) return;
    retried = true;
    clearInterval(heartbeat);
    handler?.(undefined);
    client.end().catch(() => {});
    setTimeout(() => listen(url, attempt + 1), Math.min(30_000, 250 * 2 ** attempt)).unref();
  };
  client.on("error", retry);
  client.on("end", retry);
  client.on("notification", (msg) => handler?.(msg.payload || undefined));
  client
    .connect()
    .then(() => client.query(`LISTEN ${CHANNEL}`))
    .then(() => {
      // Keeps no process alive on its own (tests, scripts); servers are kept alive by their listener.
      (client as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.();
      if (attempt > 0) handler?.(undefined);
      attempt = 0;
      // A connection that died without closing (no TCP reset) would miss notifications unnoticed.
      heartbeat = setInterval(() => void answersWithin(client, 5_000).then((ok) => ok || retry()), HEARTBEAT_MS);
      heartbeat.unref();
    })
    .catch((error) => {
      log.warn("sdk_cache.listen_failed", { error });
      retry();
    });
}

/** Starts listening once per process; `onInvalidate(undefined)` means "forget everything". */
export function subscribeInvalidations(onInvalidate: Handler): void {
  if (handler) return;
  handler = onInvalidate;
  const url = process.env.DATABASE_URL;
  if (url) listen(url, 0);
}

/** Tells every instance on this database to forget a workspace. A failure is logged, never thrown: the TTL still bounds staleness. */
export async function publishInvalidation(workspaceId: string): Promise<void> {
  if (databaseKind() !== "pg") return;
  try {
    await db.execute(sql`select pg_notify(${CHANNEL}, ${workspaceId})`);
  } catch (error) {
    log.warn("sdk_cache.notify_failed", { error });
  }
}
