import { notFound } from "../kernel/errors";
import { describeObject, presignDownload } from "../files";
import { EXPORT_DOWNLOAD_SECONDS, readExportLink } from "./export-files";

/**
 * A click on an emailed export link: the link must be signed and unexpired, and the file still
 * there (an erasure deletes the person's exports at once; S3 deletes any export after two days).
 * Answers a presigned GET valid EXPORT_DOWNLOAD_SECONDS. Every failure is one 404.
 */
export async function openExportLink(token: string, now = Date.now()): Promise<{ url: string }> {
  const link = readExportLink(token, now);
  if (!link || !(await describeObject(link.key))) throw notFound("Export");
  return { url: await presignDownload(link.key, EXPORT_DOWNLOAD_SECONDS) };
}
