import type { Actor } from "../policy";
import { audienceLabels } from "./audiences";
import { loadResource } from "./resource-access";
import { resourcesDb } from "./resources-db";
import type { ResourceDetail } from "./resource-schema";
import { toResource, toResourceVersion } from "./resource-view";

/** A resource with its versions (newest first) and named audiences, for staff who may see it. */
export async function getResource(actor: Actor, studioId: string, resourceId: string): Promise<ResourceDetail> {
  const { member, record } = await loadResource(actor, studioId, resourceId, "resource.view");
  const [{ data: versions }, labels] = await Promise.all([
    resourcesDb().entities.resourceVersion.query.version({ studioId, resourceId }).go({ pages: "all", order: "desc" }),
    audienceLabels(member, studioId, record.sharedWith ?? []),
  ]);
  return { ...toResource(record, labels), versions: versions.map(toResourceVersion) };
}
