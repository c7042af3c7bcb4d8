// Graceful shutdown with keep-alive clients. On SIGTERM `next start` stops accepting connections and
// waits for the open ones to close, but a keep-alive connection that a client or load balancer keeps
// using never does. From the signal on, answers carry `Connection: close` and /api/ready answers 503,
// so traffic moves to other instances and the drain ends once the requests in flight are answered.
const SIGNALS = ["SIGTERM", "SIGINT"] as const;
let draining = false;
let watching = false;

function onSignal(signal: NodeJS.Signals): void {
  draining = true;
  // Nobody else handles it (a script, a test worker): terminate as if this listener were not there.
  if (process.listenerCount(signal) === 1) {
    unwatchShutdown();
    process.kill(process.pid, signal);
  }
}

function unwatchShutdown(): void {
  for (const s of SIGNALS) process.off(s, onSignal);
  watching = false;
}

/** Starts watching for the stop signals (once); returns how to stop watching (tests). */
export function watchShutdown(): () => void {
  if (!watching) for (const s of SIGNALS) process.on(s, onSignal);
  watching = true;
  return () => {
    unwatchShutdown();
    draining = false;
  };
}

/** Whether this instance has been asked to stop. */
export function shuttingDown(): boolean {
  watchShutdown();
  return draining;
}

/** The response, asking the client to close its connection once answered when this instance is stopping. */
export function closeWhenDraining(response: Response): Response {
  try {
    if (shuttingDown()) response.headers.set("Connection", "close");
  } catch {
    // immutable headers (a proxied response): the connection closes after the keep-alive timeout instead
  }
  return response;
}
