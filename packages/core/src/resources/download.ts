import { presignDownload } from "../files";
import { itemOf, readTogether } from "../kernel/db/read-together";
import { assertMay, hiddenRecord, isStaff, loadMemberWith, type Actor } from "../policy";
import { inboxOfMember } from "./my-materials";
import { resourceFacts } from "./resource-access";
import { resourcesDb } from "./resources-db";
import type { ResourceRecord } from "./resource.entity";
import type { Download } from "./resource-schema";
import { TRASH_SHELF } from "./resource-view";
import type { DownloadQuery } from "./schemas";

/** How long a download link works: long enough to start a big file, short enough not to be passed around. */
export const DOWNLOAD_URL_SECONDS = 5 * 60;

/** A presigned GET of a resource's current file (or, for staff, an older version) naming the file. */
export async function presignedFile(
  record: ResourceRecord,
  query: DownloadQuery,
  version?: { objectKey: string; fileName: string; contentType: string; size: number },
): Promise<Download> {
  const file = version ?? record;
  const url = await presignDownload(file.objectKey, DOWNLOAD_URL_SECONDS, {
    fileName: file.fileName,
    contentType: file.contentType,
    disposition: query.disposition,
  });
  return {
    url,
    expiresAt: new Date(Date.now() + DOWNLOAD_URL_SECONDS * 1000).toISOString(),
    fileName: file.fileName,
    contentType: file.contentType,
    size: file.size,
  };
}

/**
 * A short-lived link to a resource's file, issued after the permission check: staff who may see the
 * resource (any version, the trash too); a student or parent when it is in their materials or on the
 * public page (the current version). Anyone else, and another studio, 404.
 */
export async function downloadResource(actor: Actor, studioId: string, resourceId: string, query: DownloadQuery): Promise<Download> {
  const { resource, materialEntry, resourceVersion } = resourcesDb().entities;
  const { member, records } = await loadMemberWith(actor, studioId, itemOf(resource, { studioId, resourceId }));
  const [record] = records;
  if (!record) throw hiddenRecord("Resource");
  if (isStaff(member)) {
    assertMay(member, "resource.view", await resourceFacts(member, record));
    if (!query.version || query.version === record.version) return presignedFile(record, query);
    const { data: version } = await resourceVersion.get({ studioId, resourceId, version: query.version }).go();
    if (!version) throw hiddenRecord("Version");
    return presignedFile(record, query, version);
  }
  const inbox = inboxOfMember(member);
  const isPublic = (record.sharedWith ?? []).includes("public") && record.shelf !== TRASH_SHELF;
  if (query.version && query.version !== record.version) throw hiddenRecord("Version");
  if (!isPublic) {
    const [entry] = inbox ? await readTogether(itemOf(materialEntry, { studioId, inbox, resourceId })) : [null];
    if (!entry) throw hiddenRecord("Resource");
  }
  return presignedFile(record, query);
}
