import "server-only";
import { z } from "zod";

// Billing is optional: with no Stripe keys every workspace stays on the free plan and the billing
// page explains how to turn it on. Parsed once; a malformed value stops with a clear message.

const optional = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : undefined));

const limit = z.number().int().positive().nullable();

export const ZPlan = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,32}$/, "plan ids are 1–32 lowercase letters, digits or dashes"),
    name: z.string().trim().min(1).max(40),
    // A plan without a price is the free plan: it needs no card.
    priceId: z.string().startsWith("price_", "price ids start with price_").optional(),
    priceLabel: z.string().trim().max(40).optional(),
    // null = unlimited
    limits: z.object({ monthlyActiveUsers: limit, liveExperiences: limit }).strict(),
  })
  .strict();
export type TPlan = z.infer<typeof ZPlan>;

const ZPlans = z
  .array(ZPlan)
  .min(1)
  .refine((plans) => plans.filter((p) => !p.priceId).length === 1, "exactly one plan must have no priceId (the free plan)")
  .refine((plans) => new Set(plans.map((p) => p.id)).size === plans.length, "plan ids must be unique");

const ZBillingEnv = z.object({
  STRIPE_SECRET_KEY: optional.pipe(z.string().regex(/^(sk|rk)_(test|live)_/, "must be a Stripe secret key (sk_test_… or sk_live_…)").optional()),
  NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: optional.pipe(z.string().regex(/^pk_(test|live)_/, "must be a Stripe publishable key (pk_…)").optional()),
  STRIPE_WEBHOOK_SECRET: optional,
  // Only for a local stand-in of the Stripe API (tests); unset = api.stripe.com.
  STRIPE_API_HOST: optional,
  STRIPE_API_PORT: optional.transform((v) => (v === undefined ? undefined : Number(v))).pipe(z.number().int().min(1).max(65535).optional()),
  STRIPE_API_PROTOCOL: optional.pipe(z.enum(["http", "https"]).optional()),
  STRIPE_MAX_NETWORK_RETRIES: optional.transform((v) => (v === undefined ? 2 : Number(v))).pipe(z.number().int().min(0).max(5)),
  STRIPE_PRICE_PRO: optional,
  STRIPE_PRICE_BUSINESS: optional,
  HERALD_PLANS: optional,
});

export type BillingConfig = {
  plans: TPlan[];
  freePlan: TPlan;
  stripe:
    | { enabled: false }
    | {
        enabled: true;
        secretKey: string;
        publishableKey: string;
        webhookSecret?: string;
        api: { host?: string; port?: number; protocol?: "http" | "https"; maxNetworkRetries: number };
      };
};

function defaultPlans(env: z.infer<typeof ZBillingEnv>): unknown[] {
  return [
    { id: "free", name: "Free", limits: { monthlyActiveUsers: 1_000, liveExperiences: 3 } },
    env.STRIPE_PRICE_PRO && { id: "pro", name: "Pro", priceId: env.STRIPE_PRICE_PRO, limits: { monthlyActiveUsers: 10_000, liveExperiences: 25 } },
    env.STRIPE_PRICE_BUSINESS && {
      id: "business",
      name: "Business",
      priceId: env.STRIPE_PRICE_BUSINESS,
      limits: { monthlyActiveUsers: 100_000, liveExperiences: null },
    },
  ].filter(Boolean);
}

function fail(lines: string[]): never {
  throw new Error(`Herald billing configuration is invalid:\n${lines.map((l) => `  ${l}`).join("\n")}\nSee README.md, "Billing".`);
}

export function parseBillingConfig(source: Record<string, string | undefined>): BillingConfig {
  const parsed = ZBillingEnv.safeParse(source);
  if (!parsed.success) fail(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  const env = parsed.data;
  let rawPlans: unknown = defaultPlans(env);
  if (env.HERALD_PLANS) {
    try {
      rawPlans = JSON.parse(env.HERALD_PLANS);
    } catch {
      fail(["HERALD_PLANS: is not valid JSON"]);
    }
  }
  const plans = ZPlans.safeParse(rawPlans);
  if (!plans.success) fail(plans.error.issues.map((i) => `HERALD_PLANS${i.path.map((p) => `[${String(p)}]`).join("")}: ${i.message}`));
  const freePlan = plans.data.find((p) => !p.priceId)!;
  const enabled = Boolean(env.STRIPE_SECRET_KEY && env.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY);
  return {
    plans: plans.data,
    freePlan,
    stripe: enabled
      ? {
          enabled: true,
          secretKey: env.STRIPE_SECRET_KEY!,
          publishableKey: env.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY!,
          webhookSecret: env.STRIPE_WEBHOOK_SECRET,
          api: {
            host: env.STRIPE_API_HOST,
            port: env.STRIPE_API_PORT,
            protocol: env.STRIPE_API_PROTOCOL,
            maxNetworkRetries: env.STRIPE_MAX_NETWORK_RETRIES,
          },
        }
      : { enabled: false },
  };
}

let cached: BillingConfig | undefined;

export function billingConfig(): BillingConfig {
  cached ??= parseBillingConfig(process.env);
  return cached;
}

export function findPlan(id: string): TPlan | undefined {
  return billingConfig().plans.find((p) => p.id === id);
}

export function planForPrice(priceId: string): TPlan | undefined {
  return billingConfig().plans.find((p) => p.priceId === priceId);
}
