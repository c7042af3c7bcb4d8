import "server-only";
import { z } from "zod";

// Configuration is parsed once; a missing or malformed value stops the start with a clear message.
const base64Key = z
  .string()
  .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes, base64-encoded (openssl rand -base64 32)");

const optional = z
  .string()
  .optional()
  .transform((v) => (v ? v : undefined));

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  APP_URL: z.string().url().default("http://localhost:3000"),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)"),
  DATABASE_URL: optional,
  PGLITE_DIR: optional,
  // Current data key; older ones stay readable through HERALD_DATA_KEYS_OLD ("2:base64,1:base64").
  HERALD_DATA_KEY: base64Key,
  HERALD_DATA_KEY_VERSION: z.coerce.number().int().positive().default(1),
  HERALD_DATA_KEYS_OLD: z.string().default(""),
  SMTP_URL: optional,
  EMAIL_FROM: z.string().default("Herald <no-reply@herald.local>"),
  AUTH_GITHUB_ID: optional,
  AUTH_GITHUB_SECRET: optional,
  AUTH_GOOGLE_ID: optional,
  AUTH_GOOGLE_SECRET: optional,
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Herald configuration is invalid:\n${lines.join("\n")}\nSee README.md, "Configuration".`);
  }
  cached = parsed.data;
  return cached;
}
