import { describe, expect, it } from "vitest";
import { ZNewPassword, ZSignUp, safeCallbackUrl } from "./schemas";

describe("auth schemas", () => {
  it("normalises email and rejects malformed or overlong input", () => {
    const ok = ZSignUp.parse({ name: " Ada ", email: " Ada@Example.COM ", password: "a long passphrase", workspaceName: "Ada" + "" });
    expect(ok.email).toBe("ada@example.com");
    expect(ZSignUp.safeParse({ name: "", email: "nope", password: "x", workspaceName: "" }).success).toBe(false);
    expect(ZSignUp.safeParse({ name: "a".repeat(101), email: "a@b.co", password: "a long passphrase", workspaceName: "ok" }).success).toBe(false);
  });
  it("wants passwords of 10 to 200 characters that are not trivially repetitive", () => {
    expect(ZNewPassword.safeParse("short").success).toBe(false);
    expect(ZNewPassword.safeParse("aaaaaaaaaaaa").success).toBe(false);
    expect(ZNewPassword.safeParse("x".repeat(201)).success).toBe(false);
    expect(ZNewPassword.safeParse("correct horse battery").success).toBe(true);
  });
  it("follows only same-site relative callback URLs", () => {
    expect(safeCallbackUrl("/w/acme/segments")).toBe("/w/acme/segments");
    expect(safeCallbackUrl("https://evil.example")).toBe("/dashboard");
    expect(safeCallbackUrl("//evil.example")).toBe("/dashboard");
    expect(safeCallbackUrl("/\\evil.example")).toBe("/dashboard");
    expect(safeCallbackUrl(undefined)).toBe("/dashboard");
  });
});
