import { expect } from "@playwright/test";
import { E2E } from "./ports";

type Mail = { to: string[]; subject: string; text: string };

/** Waits for the newest mail to `to` and returns it. */
export async function latestMail(to: string): Promise<Mail> {
  let found: Mail | undefined;
  await expect
    .poll(async () => {
      const list: Mail[] = await (await fetch(`${E2E.mailboxUrl}/messages?to=${encodeURIComponent(to)}`)).json();
      found = list.at(-1);
      return list.length;
    }, { timeout: 15_000 })
    .toBeGreaterThan(0);
  return found!;
}

export function firstLink(text: string): string {
  const match = text.match(/https?:\/\/\S+/);
  if (!match) throw new Error(`No link in mail:\n${text}`);
  return match[0];
}
