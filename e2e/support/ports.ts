// Every end-to-end server listens on loopback only; Auth.js redirects use localhost (ENVIRONMENT.md).
export const E2E = {
  appUrl: "http://localhost:3100",
  appPort: 3100,
  hostUrl: "http://127.0.0.1:3101",
  hostPort: 3101,
  smtpPort: 2525,
  mailboxUrl: "http://127.0.0.1:2526",
  mailboxPort: 2526,
  stripePort: 12111,
} as const;
