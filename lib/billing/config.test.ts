import { describe, expect, it } from "vitest";
import { parseBillingConfig } from "./config";

describe("billing configuration", () => {
  it("is off without keys, with only the free plan unless prices are configured", () => {
    const config = parseBillingConfig({});
    expect(config.stripe.enabled).toBe(false);
    expect(config.plans.map((p) => p.id)).toEqual(["free"]);
    expect(config.freePlan.priceId).toBeUndefined();
  });

  it("turns on with both keys and reads the stand-in host, plans and prices", () => {
    const config = parseBillingConfig({
      STRIPE_SECRET_KEY: "sk_test_x",
      NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: "pk_test_x",
      STRIPE_API_HOST: "127.0.0.1",
      STRIPE_API_PORT: "3504",
      STRIPE_API_PROTOCOL: "http",
      STRIPE_PRICE_PRO: "price_pro",
    });
    expect(config.stripe).toMatchObject({ enabled: true, api: { host: "127.0.0.1", port: 3504, protocol: "http", maxNetworkRetries: 2 } });
    expect(config.plans.map((p) => [p.id, p.priceId])).toEqual([["free", undefined], ["pro", "price_pro"]]);
  });

  it("accepts plans as JSON and stops with a clear message on bad values", () => {
    const plans = [
      { id: "starter", name: "Starter", limits: { monthlyActiveUsers: 100, liveExperiences: 1 } },
      { id: "team", name: "Team", priceId: "price_team", priceLabel: "€19 / month", limits: { monthlyActiveUsers: null, liveExperiences: null } },
    ];
    expect(parseBillingConfig({ HERALD_PLANS: JSON.stringify(plans) }).freePlan.id).toBe("starter");
    expect(() => parseBillingConfig({ HERALD_PLANS: "{" })).toThrow(/HERALD_PLANS: is not valid JSON/);
    expect(() => parseBillingConfig({ HERALD_PLANS: JSON.stringify([plans[1]]) })).toThrow(/exactly one plan must have no priceId/);
    expect(() => parseBillingConfig({ STRIPE_SECRET_KEY: "pk_test_x" })).toThrow(/STRIPE_SECRET_KEY: must be a Stripe secret key/);
    expect(() => parseBillingConfig({ STRIPE_API_PORT: "http" })).toThrow(/STRIPE_API_PORT/);
  });
});
