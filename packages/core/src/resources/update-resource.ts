import { recordAudit } from "../audit";
import { commitWrites, failsWith } from "../kernel/db/commit-writes";
import { invalidField } from "../kernel/errors";
import type { Actor } from "../policy";
import { audienceLabels } from "./audiences";
import { syncRecipients } from "./recipients";
import { loadResource } from "./resource-access";
import { resourcesDb } from "./resources-db";
import type { ResourceRecord } from "./resource.entity";
import type { Resource } from "./resource-schema";
import { toResource } from "./resource-view";
import type { UpdateResourceInput } from "./schemas";
import { resourceChanged } from "./storage";

const CLEARABLE = ["description", "instrument", "level", "tags", "folder", "composer", "piece"] as const;

/** Changes a resource's title and descriptive fields (admins and its uploader); `null` clears one. Its households' materials show the new title. */
export async function updateResource(actor: Actor, studioId: string, resourceId: string, input: UpdateResourceInput): Promise<Resource> {
  const { member, record, actorName } = await loadResource(actor, studioId, resourceId, "resource.edit");
  if (input.documentType && !record.personKind) throw invalidField("documentType", "only a document on a person's record has a type");
  const set: Partial<ResourceRecord> = {};
  const remove: (typeof CLEARABLE)[number][] = [];
  for (const [field, value] of Object.entries(input) as [keyof UpdateResourceInput, unknown][]) {
    if (value === undefined) continue;
    const empty = value === null || value === "" || (Array.isArray(value) && value.length === 0);
    if (empty && (CLEARABLE as readonly string[]).includes(field)) remove.push(field as (typeof CLEARABLE)[number]);
    else if (!empty) (set as Record<string, unknown>)[field] = value;
  }
  const next = { ...record, ...set, updatedAt: new Date().toISOString() } as ResourceRecord;
  for (const field of remove) delete next[field];
  await commitWrites(resourcesDb, (tx) => [
    failsWith(
      tx.resource
        .patch({ studioId, resourceId })
        .set({ ...set, updatedBy: actor.userId })
        .remove(remove)
        .where((a, op) => op.eq(a.updatedAt, record.updatedAt))
        .commit(),
      resourceChanged,
    ),
    recordAudit(tx, { studioId, actorId: actor.userId, action: "resource.updated", entityType: "resource", entityId: resourceId, before: record, after: next }),
  ]);
  if (set.title !== undefined || "description" in set || remove.includes("description"))
    await syncRecipients(member, next, { notify: false, sharedByName: actorName });
  return toResource(next, await audienceLabels(member, studioId, next.sharedWith ?? []));
}
