import { config } from "../kernel/config";
import { openPayload, signPayload } from "../kernel/keys/signed-payload";
import type { SubjectType } from "./schemas";

/** How long the emailed link opens the export. */
export const EXPORT_LINK_SECONDS = 24 * 60 * 60;
/** How long the presigned GET a click on that link redirects to is valid. */
export const EXPORT_DOWNLOAD_SECONDS = 60;

/**
 * Where an export is stored: under a fixed prefix, so an S3 lifecycle rule deletes every export
 * two days after it was made (stacks/file-areas.ts), and by person, so erasure finds them.
 */
export const EXPORT_PREFIX = "privacy-exports/";
export const exportKey = (studioId: string, subject: { type: SubjectType; id: string }, exportId: string) =>
  `${EXPORT_PREFIX}${studioId}/${subject.type}/${subject.id}/${exportId}.json`;
const KEY_SHAPE = /^privacy-exports\/[\w-]{1,64}\/(student|teacher|guardian)\/[\w-]{1,64}\/[\w-]{1,64}\.json$/;

interface ExportLinkPayload {
  /** The export's S3 key. */
  k: string;
  /** Expiry, epoch seconds. */
  e: number;
}

/** The token of an emailed export link (keys/signed-payload.ts) naming the file and the link's expiry. */
export const signExportLink = (key: string, expiresAtSeconds: number): string =>
  signPayload("privacy-export", { k: key, e: expiresAtSeconds } satisfies ExportLinkPayload);

/** The file of a valid, unexpired export link; null for anything else (checked before any read). */
export function readExportLink(token: string, now = Date.now()): { key: string } | null {
  const parsed = openPayload<ExportLinkPayload>("privacy-export", token);
  if (!parsed || typeof parsed.k !== "string" || !KEY_SHAPE.test(parsed.k) || typeof parsed.e !== "number" || parsed.e * 1000 <= now) return null;
  return { key: parsed.k };
}

/** The page an export email links to: the site redirects to the API, which presigns on click. */
export const exportLinkUrl = (token: string) => `${config().webUrl}/privacy-exports/${encodeURIComponent(token)}`;
