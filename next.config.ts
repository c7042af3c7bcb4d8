import type { NextConfig } from "next";

// Security headers for every response; the per-request Content-Security-Policy of pages is set in proxy.ts.
const common = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  {
    key: "Permissions-Policy",
    value: 'accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), usb=(), browsing-topics=(), payment=(self "https://js.stripe.com")',
  },
  // Browsers ignore HSTS over plain HTTP, so local installs are unaffected.
  ...(process.env.NODE_ENV === "production" ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // PGlite ships wasm + data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pg", "@aws-sdk/client-s3"],
  async headers() {
    return [
      { source: "/:path*", headers: common },
      // Not framable, except the public changelog (embeddable) and the SDK's script and API (not HTML).
      { source: "/((?!changelog(?:/|$)|api/sdk/|sdk(?:-extras)?\\.js).*)", headers: [{ key: "X-Frame-Options", value: "DENY" }] },
      // JSON route handlers (not the SDK's) render nothing: the strictest policy.
      { source: "/api/((?!sdk/).*)", headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }] },
      // Customers' sites load the SDK (and its lazily loaded part) from another origin.
      ...["/sdk.js", "/sdk-extras.js"].map((source) => ({ source, headers: [{ key: "Access-Control-Allow-Origin", value: "*" }, { key: "Cross-Origin-Resource-Policy", value: "cross-origin" }] })),
    ];
  },
};

export default nextConfig;
