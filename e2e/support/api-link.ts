// The network between the browser and Herald, as a test can cut it: a loopback HTTP proxy in front of
// the e2e server, given to the host page as Herald's address. Unlike page.route it also stops
// navigator.sendBeacon (a page-hide beacon leaves with the page, past Playwright's interception).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { E2E } from "./ports";

/** up: forwarded · down: the API's connections dropped · lose-next-answer: the next event batch reaches Herald, its answer is dropped. */
export type TLinkMode = "up" | "down" | "lose-next-answer";

export type TApiLink = {
  url: string;
  set: (mode: TLinkMode) => void;
  /** POST /events that arrived here (fetches and beacons), and how many of them reached Herald. */
  eventPosts: () => { arrived: number; forwarded: number };
  close: () => Promise<void>;
};

export async function apiLink(): Promise<TApiLink> {
  let mode: TLinkMode = "up";
  const counts = { arrived: 0, forwarded: 0 };
  const server = http.createServer((req, res) => {
    const events = req.method === "POST" && req.url?.startsWith("/api/sdk/v1/events");
    if (events) counts.arrived++;
    // The script itself stays available, as from the browser's cache or a CDN.
    if (mode === "down" && req.url?.startsWith("/api/")) return req.socket.destroy();
    const lose = events && mode === "lose-next-answer";
    if (lose) mode = "up";
    const upstream = http.request({ host: "localhost", port: E2E.appPort, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      if (events) counts.forwarded++;
      if (lose) {
        answer.resume(); // Herald has stored the batch; the browser never hears so
        answer.on("end", () => req.socket.destroy());
        return;
      }
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on("error", () => req.socket.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    set: (m) => {
      mode = m;
    },
    eventPosts: () => ({ ...counts }),
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
