import type { ResourceKind } from "./file-types";

/** How many leading bytes the check reads from a stored object. */
export const SNIFF_BYTES = 4096;

const ascii = (bytes: Uint8Array, at: number, text: string) => {
  for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text.charCodeAt(i)) return false;
  return true;
};

/** The ISO base media "ftyp" brand (MP4, M4A), or null. */
function ftypBrand(bytes: Uint8Array): string | null {
  if (!ascii(bytes, 4, "ftyp")) return null;
  return String.fromCharCode(...bytes.slice(8, 12));
}

const AUDIO_BRANDS = new Set(["M4A ", "M4B ", "M4P ", "F4A "]);

/** Text that is valid UTF-8 with no NUL or other binary control bytes. */
function isText(bytes: Uint8Array): boolean {
  // The last few bytes may cut a multi-byte character in half: decode without them.
  const body = bytes.length === SNIFF_BYTES ? bytes.slice(0, SNIFF_BYTES - 4) : bytes;
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(body);
    return !/[\u0000-\u0008\u000e-\u001f\u007f]/.test(text);
  } catch {
    return false;
  }
}

/**
 * What the first bytes of a file are, by their signatures (never by the name or the type the
 * client declared): a kind, "zip" for a zip container, or null for anything the library does not take.
 */
export function sniffKind(bytes: Uint8Array): ResourceKind | "zip" | null {
  if (bytes.length === 0) return null;
  if (ascii(bytes, 0, "%PDF-")) return "pdf";
  if (bytes[0] === 0x89 && ascii(bytes, 1, "PNG\r\n\u001a\n")) return "image";
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image";
  if (ascii(bytes, 0, "GIF87a") || ascii(bytes, 0, "GIF89a")) return "image";
  if (ascii(bytes, 0, "RIFF") && ascii(bytes, 8, "WEBP")) return "image";
  if (ascii(bytes, 0, "RIFF") && ascii(bytes, 8, "WAVE")) return "audio";
  if (ascii(bytes, 0, "OggS")) return "audio";
  if (ascii(bytes, 0, "ID3")) return "audio";
  if (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0 && ((bytes[1] ?? 0) & 0x06) !== 0) return "audio";
  const brand = ftypBrand(bytes);
  if (brand) return AUDIO_BRANDS.has(brand) ? "audio" : "video";
  if (ascii(bytes, 0, "MThd")) return "midi";
  // Guitar Pro 3–5 ("FICHIER GUITAR PRO" after a length byte), GPX ("BCFZ"), GP7+ (a zip).
  if (ascii(bytes, 1, "FICHIER GUITAR PRO") || ascii(bytes, 0, "BCFZ")) return "guitar_pro";
  if (ascii(bytes, 0, "PK\u0003\u0004")) return "zip";
  if (isText(bytes)) {
    const head = new TextDecoder().decode(bytes.slice(0, SNIFF_BYTES)).replace(/^\uFEFF/, "");
    if (/^\s*<\?xml[\s\S]*<score-(partwise|timewise)\b/.test(head) || /^\s*<!DOCTYPE score-(partwise|timewise)/.test(head)) return "musicxml";
    return "text";
  }
  return null;
}

/**
 * Whether the stored bytes are of the kind the upload declared. Zip containers are what compressed
 * MusicXML (.mxl) and Guitar Pro 7+ (.gp) files are: they pass only for those two kinds.
 */
export function bytesMatchKind(bytes: Uint8Array, declared: ResourceKind): boolean {
  const sniffed = sniffKind(bytes);
  if (sniffed === "zip") return declared === "musicxml" || declared === "guitar_pro";
  // A MusicXML file is also valid text; plain text is only text.
  if (sniffed === "musicxml") return declared === "musicxml" || declared === "text";
  return sniffed === declared;
}
