// Fixed, non-secret values so that tests never depend on the caller's environment.
export const testEnv: Record<string, string> = {
  AUTH_SECRET: "test-auth-secret-test-auth-secret-0123456789",
  HERALD_DATA_KEY: Buffer.alloc(32, 7).toString("base64"),
  HERALD_DATA_KEY_VERSION: "1",
  APP_URL: "http://localhost:3000",
};
