import "server-only";
import { decrypt } from "@/lib/crypto/data-encryption";

export type TEncryptedIdentity = { emailEnc: string | null; nameEnc: string | null; usernameEnc?: string | null };
export type TIdentity = { email: string | null; name: string | null; username: string | null };

/** Decrypts one identity for display; an unreadable field shows as missing rather than failing the page. */
export function readIdentity(row: TEncryptedIdentity): TIdentity {
  const open = (v: string | null | undefined) => {
    if (!v) return null;
    try {
      return decrypt(v);
    } catch {
      return null;
    }
  };
  return { email: open(row.emailEnc), name: open(row.nameEnc), username: open(row.usernameEnc) };
}

/** How an anonymous person is shown: a short, stable prefix of their random id. */
export function shortAnonymousId(anonymousId: string): string {
  return anonymousId.replace(/[^A-Za-z0-9]/g, "").slice(0, 8) || "unknown";
}
