import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { workspaces } from "@/db/schema";
import { decrypt } from "@/lib/crypto/data-encryption";
import { answer, makeEndUser, makeSurvey, makeWorkspace } from "@/lib/end-users/test-fixtures";
import { dataCounts, identitySecretHint, rotateIdentitySecret, setIdentityVerification, updateDefaultLocale, updateGeneral, updateLimits, updateTheme } from "./settings-store";

const load = async (id: string) => (await db.select().from(workspaces).where(eq(workspaces.id, id)))[0];

describe("workspace settings store", () => {
  it("renames and changes the address, refusing a taken or malformed slug", async () => {
    const a = await makeWorkspace();
    const b = await makeWorkspace();
    const slug = `renamed-${randomUUID().slice(0, 8)}`;
    expect(await updateGeneral(a.workspace.id, { name: "Renamed", slug })).toEqual({ ok: true });
    expect(await load(a.workspace.id)).toMatchObject({ name: "Renamed", slug });
    expect(await updateGeneral(b.workspace.id, { name: "B", slug })).toEqual({ ok: false, fieldErrors: { slug: "Another workspace uses this address." } });
    expect(await updateGeneral(b.workspace.id, { name: "", slug: "-bad-" })).toMatchObject({ ok: false, fieldErrors: { name: expect.any(String), slug: expect.any(String) } });
    expect((await load(b.workspace.id)).slug).toBe(b.workspace.slug);
  });

  it("stores the default language, normalised, keeping other settings, and rejects what is not a locale code", async () => {
    const { workspace } = await makeWorkspace();
    await updateTheme(workspace.id, { primaryColor: "#112233", textColor: "#000000", backgroundColor: "#ffffff" });
    expect(await updateDefaultLocale(workspace.id, { defaultLocale: " pt_br " })).toEqual({ ok: true });
    expect(await updateDefaultLocale(workspace.id, { defaultLocale: "FR" })).toEqual({ ok: true });
    const settings = (await load(workspace.id)).settings as { defaultLocale: string; theme: { primaryColor: string } };
    expect(settings).toMatchObject({ defaultLocale: "fr", theme: { primaryColor: "#112233" } });
    for (const bad of ["french", "", "f", "fr-FRA", 3]) {
      expect(await updateDefaultLocale(workspace.id, { defaultLocale: bad })).toMatchObject({ ok: false, fieldErrors: { defaultLocale: expect.any(String) } });
    }
    expect(((await load(workspace.id)).settings as { defaultLocale: string }).defaultLocale).toBe("fr");
  });

  it("stores the theme, keeps other settings, rejects bad colours", async () => {
    const { workspace } = await makeWorkspace();
    await db.update(workspaces).set({ settings: { limits: { maxPerSession: 7, maxPerDay: 9 } } }).where(eq(workspaces.id, workspace.id));
    expect(await updateTheme(workspace.id, { primaryColor: "#112233", textColor: "#000000", backgroundColor: "#ffffff" })).toEqual({ ok: true });
    const settings = (await load(workspace.id)).settings as { theme: unknown; limits: unknown };
    expect(settings.theme).toEqual({ primaryColor: "#112233", textColor: "#000000", backgroundColor: "#ffffff" });
    expect(settings.limits).toEqual({ maxPerSession: 7, maxPerDay: 9 });
    expect(await updateTheme(workspace.id, { primaryColor: "red", textColor: "#000000", backgroundColor: "#ffffff" })).toEqual({ ok: false, fieldErrors: { primaryColor: "Use a hex colour like #4f46e5." } });
  });

  it("stores the per-session and per-day caps from form strings, rejecting out-of-range ones", async () => {
    const { workspace } = await makeWorkspace();
    await updateTheme(workspace.id, { primaryColor: "#112233", textColor: "#000000", backgroundColor: "#ffffff" });
    expect(await updateLimits(workspace.id, { maxPerSession: "2", maxPerDay: "4" })).toEqual({ ok: true });
    const settings = (await load(workspace.id)).settings as { theme: { primaryColor: string }; limits: unknown };
    expect(settings.limits).toEqual({ maxPerSession: 2, maxPerDay: 4 });
    expect(settings.theme.primaryColor).toBe("#112233");
    expect(await updateLimits(workspace.id, { maxPerSession: "0", maxPerDay: "1000" })).toEqual({ ok: false, fieldErrors: { maxPerSession: "Use at least 1.", maxPerDay: "Use at most 100." } });
    expect(await updateLimits(workspace.id, { maxPerSession: "two", maxPerDay: "1.5" })).toMatchObject({ ok: false, fieldErrors: { maxPerSession: expect.any(String), maxPerDay: "Use a whole number." } });
    expect(((await load(workspace.id)).settings as { limits: unknown }).limits).toEqual({ maxPerSession: 2, maxPerDay: 4 });
  });

  it("toggles identity verification and rotates the secret, stored encrypted", async () => {
    const { workspace } = await makeWorkspace();
    await setIdentityVerification(workspace.id, true);
    expect((await load(workspace.id)).identityVerification).toBe(true);
    const before = (await load(workspace.id)).identitySecretEnc;
    const secret = await rotateIdentitySecret(workspace.id);
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    const after = (await load(workspace.id)).identitySecretEnc;
    expect(after).not.toBe(before);
    expect(after).not.toContain(secret);
    expect(decrypt(after)).toBe(secret);
    expect(await identitySecretHint(workspace.id)).toBe(secret.slice(-4));
  });

  it("counts what the workspace collected, and only its own", async () => {
    const { workspace } = await makeWorkspace();
    const exp = await makeSurvey(workspace.id);
    const ann = await makeEndUser(workspace.id, { identity: { email: "a@example.com", name: "A" } });
    await makeEndUser(workspace.id);
    await answer(workspace.id, exp.id, ann.id, "nps", 8);
    expect(await dataCounts(workspace.id)).toEqual({ endUsers: 2, identified: 1, anonymous: 1, events: 0, answers: 1 });
    const other = await makeWorkspace();
    expect(await dataCounts(other.workspace.id)).toEqual({ endUsers: 0, identified: 0, anonymous: 0, events: 0, answers: 0 });
  });
});
