import "server-only";
// Cross-instance cache invalidation over PostgreSQL LISTEN/NOTIFY (DESIGN.md §5): no new service.
// Each instance keeps one listening connection; when it drops, every cached workspace is forgotten
// (notifications may have been missed) and the connection is retried with backoff. PGlite is one
// process, so there the in-process drop in workspace-cache.ts is all there is.
import { sql } from "drizzle-orm";
import pg from "pg";
import { databaseKind, db, tlsConfig } from "@/db";
import { log } from "@/lib/log";

const CHANNEL = "herald_sdk_cache";
type Handler = (workspaceId: string | undefined) => void;

let handler: Handler | undefined;

function listen(url: string, attempt: number): void {
  const client = new pg.Client(tlsConfig(url));
  let retried = false;
  const retry = () => {
    if (retried) return;
    retried = true;
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
