// Per-request loaders shared by the portal's pages and their metadata (React cache: one query each).
import { cache } from "react";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { pickLocale } from "@/lib/changelog/locale";
import { findPortal, findVisiblePost, portalLogo, type Portal } from "@/lib/changelog/portal";
import type { PortalBrand } from "@/components/changelog/portal-shell";

export const loadPortal = cache(async (slug: string): Promise<Portal> => {
  const portal = await findPortal(slug);
  if (!portal) notFound();
  return portal;
});

export const loadPost = cache(async (portalId: string, slug: string) => {
  const post = await findVisiblePost(portalId, slug);
  if (!post) notFound();
  return post;
});

export function brandOf(portal: Portal): PortalBrand {
  return { name: portal.name, url: `/changelog/${portal.slug}`, accentColor: portal.branding.accentColor, logoUrl: portalLogo(portal) };
}

/** The reader's language for one post: ?lang= wins over Accept-Language; nothing is stored. */
export async function readerLocale(portal: Portal, translations: unknown, lang?: string): Promise<string | undefined> {
  const acceptLanguage = (await headers()).get("accept-language");
  return pickLocale(Object.keys((translations as Record<string, unknown>) ?? {}), { lang, acceptLanguage, defaultLocale: portal.defaultLocale });
}

export function oneParam(value: string | string[] | undefined): string | undefined {
  return (Array.isArray(value) ? value[0] : value)?.slice(0, 100) || undefined;
}
