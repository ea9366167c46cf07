import { itemOf, readTogether } from "../kernel/db/read-together";
import { hiddenRecord } from "../policy";
import { liveStudioBySlug } from "../studios";
import { presignedFile } from "./download";
import { audienceResources } from "./list-resources";
import { resourcesDb } from "./resources-db";
import type { DownloadQuery } from "./schemas";
import { TRASH_SHELF } from "./resource-view";

/** What the public page lists of a resource. */
const publicView = (r: {
  resourceId: string;
  title: string;
  description?: string;
  kind: string;
  fileName: string;
  contentType: string;
  size: number;
  composer?: string;
  instrument?: string;
  level?: string;
}) => ({
  id: r.resourceId,
  title: r.title,
  description: r.description ?? null,
  kind: r.kind,
  fileName: r.fileName,
  contentType: r.contentType,
  size: r.size,
  composer: r.composer ?? null,
  instrument: r.instrument ?? null,
  level: r.level ?? null,
});

/** The resources a studio shares on its public page, newest first (anyone; a studio without any lists none). */
export async function publicResources(slug: string) {
  const studio = await liveStudioBySlug(slug);
  const records = await audienceResources(studio.studioId, "public");
  return { items: records.map(publicView) };
}

/** A presigned GET of a public resource (404 once it is no longer public). */
export async function publicResourceDownload(slug: string, resourceId: string, query: DownloadQuery) {
  const studio = await liveStudioBySlug(slug);
  const [record] = await readTogether(itemOf(resourcesDb().entities.resource, { studioId: studio.studioId, resourceId }));
  if (!record || record.shelf === TRASH_SHELF || !(record.sharedWith ?? []).includes("public")) throw hiddenRecord("Resource");
  return presignedFile(record, { ...query, version: undefined });
}
