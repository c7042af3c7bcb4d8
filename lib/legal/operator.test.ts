import { describe, expect, it } from "vitest";
import { operator } from "./operator";

describe("operator", () => {
  it("fills in the configured operator", () => {
    expect(operator({
      HERALD_OPERATOR_NAME: " Acme GmbH ",
      HERALD_OPERATOR_EMAIL: "privacy@acme.test",
      HERALD_OPERATOR_ADDRESS: "1 Main St, Berlin",
      HERALD_OPERATOR_COUNTRY: "Germany",
    })).toEqual({ name: "Acme GmbH", email: "privacy@acme.test", address: "1 Main St, Berlin", country: "Germany", missing: [] });
  });

  it("marks every unset or blank value as a placeholder", () => {
    const o = operator({ HERALD_OPERATOR_NAME: "Acme", HERALD_OPERATOR_EMAIL: "  " });
    expect(o.name).toBe("Acme");
    expect(o.email).toBe("[contact email — set HERALD_OPERATOR_EMAIL]");
    expect(o.missing).toEqual(["HERALD_OPERATOR_EMAIL", "HERALD_OPERATOR_ADDRESS", "HERALD_OPERATOR_COUNTRY"]);
  });

  it("rejects a malformed email with a clear message", () => {
    expect(() => operator({ HERALD_OPERATOR_EMAIL: "not-an-email" })).toThrow("HERALD_OPERATOR_EMAIL: must be an email address");
  });
});
