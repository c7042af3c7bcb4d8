import { describe, expect, it } from "vitest";
import { MAX_UPLOAD_BYTES, readUpload, saveUpload, sniffImageType } from "./uploads";
import { makeWorkspace } from "./test-helpers";

const hex = (h: string) => Buffer.from(h.replace(/\s/g, ""), "hex");
const PNG = hex("89504e470d0a1a0a 0000000d49484452");
const JPEG = hex("ffd8ffe000104a464946");
const WEBP = Buffer.concat([Buffer.from("RIFF"), hex("24000000"), Buffer.from("WEBPVP8 ")]);
const GIF = Buffer.from("GIF89a\x01\x00\x01\x00", "latin1");

describe("uploads", () => {
  it("recognises PNG, JPEG, WebP and GIF by their magic bytes only", () => {
    expect(sniffImageType(PNG)).toBe("image/png");
    expect(sniffImageType(JPEG)).toBe("image/jpeg");
    expect(sniffImageType(WEBP)).toBe("image/webp");
    expect(sniffImageType(GIF)).toBe("image/gif");
    expect(sniffImageType(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeUndefined();
    expect(sniffImageType(Buffer.from("<html><script>alert(1)</script>"))).toBeUndefined();
    expect(sniffImageType(Buffer.from("RIFF0000WAVE"))).toBeUndefined();
  });

  it("stores an image for its workspace only, refuses other types (400) and big files (413)", async () => {
    const ws = await makeWorkspace();
    const other = await makeWorkspace();
    const saved = await saveUpload(ws.id, PNG);
    expect(saved).toMatchObject({ ok: true, contentType: "image/png", size: PNG.length });
    if (!saved.ok) return;
    const read = await readUpload(ws.id, saved.id);
    expect(read?.contentType).toBe("image/png");
    expect(Buffer.from(read!.bytes).equals(PNG)).toBe(true);
    expect(await readUpload(other.id, saved.id)).toBeUndefined();
    expect(await saveUpload(ws.id, Buffer.from("GIF87 not really"))).toEqual({ ok: false, status: 400, message: "Upload a PNG, JPEG, WebP or GIF image." });
    expect(await saveUpload(ws.id, new Uint8Array())).toMatchObject({ ok: false, status: 400 });
    const big = Buffer.concat([PNG, Buffer.alloc(MAX_UPLOAD_BYTES)]);
    expect(await saveUpload(ws.id, big)).toEqual({ ok: false, status: 413, message: "Images can be at most 2 MB." });
  });
});
