import "server-only";
// Cover images, kept in the uploads table. The type is decided by the file's magic bytes, never by
// its name or the declared Content-Type, and only a few raster formats are accepted.
import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { uploads } from "@/db/schema";

export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
export const UPLOAD_TYPES = ["image/png", "image/jpeg", "image/webp", "image/gif"] as const;
export type UploadType = (typeof UPLOAD_TYPES)[number];

const startsWith = (bytes: Uint8Array, sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);

/** The image type of `bytes` by signature, or undefined when it is not PNG, JPEG, WebP or GIF. */
export function sniffImageType(bytes: Uint8Array): UploadType | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return "image/webp";
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38]) && (bytes[4] === 0x37 || bytes[4] === 0x39) && bytes[5] === 0x61) return "image/gif";
  return undefined;
}

export type UploadResult = { ok: true; id: string; contentType: UploadType; size: number } | { ok: false; status: 400 | 413; message: string };

export async function saveUpload(workspaceId: string, bytes: Uint8Array): Promise<UploadResult> {
  if (bytes.byteLength === 0) return { ok: false, status: 400, message: "The file is empty." };
  if (bytes.byteLength > MAX_UPLOAD_BYTES) return { ok: false, status: 413, message: "Images can be at most 2 MB." };
  const contentType = sniffImageType(bytes);
  if (!contentType) return { ok: false, status: 400, message: "Upload a PNG, JPEG, WebP or GIF image." };
  const [row] = await db
    .insert(uploads)
    .values({ workspaceId, contentType, size: bytes.byteLength, bytes: Buffer.from(bytes) })
    .returning({ id: uploads.id });
  return { ok: true, id: row.id, contentType, size: bytes.byteLength };
}

export async function readUpload(workspaceId: string, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [row] = await db
    .select({ contentType: uploads.contentType, bytes: uploads.bytes, createdAt: uploads.createdAt })
    .from(uploads)
    .where(and(eq(uploads.workspaceId, workspaceId), eq(uploads.id, id)));
  return row;
}
