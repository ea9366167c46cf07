import { itemOf } from "../kernel/db/read-together";
import { readMany } from "../kernel/db/read-many";
import type { StudioMember } from "../policy";
import { audienceOfKey, reachOf } from "./audiences";
import type { MaterialEntryRecord } from "./material-entry.entity";
import { resourcesDb } from "./resources-db";
import type { ResourceRecord } from "./resource.entity";
import { TRASH_SHELF } from "./resource-view";

/** The materials inbox of a student (what they see) and of a family (what its parents see). */
export const studentInbox = (studentId: string) => `student#${studentId}`;
export const familyInbox = (familyId: string) => `family#${familyId}`;

export const utcDay = (instant: Date) => instant.toISOString().slice(0, 10);

/** The inboxes a resource's audiences reach now (none in the trash). */
export async function inboxesOf(member: StudioMember, resource: ResourceRecord): Promise<Set<string>> {
  const inboxes = new Set<string>();
  if (resource.shelf === TRASH_SHELF) return inboxes;
  const { studioId } = resource;
  const reaches = await Promise.all(
    (resource.sharedWith ?? []).map(async (key) => {
      const audience = audienceOfKey(key);
      return audience ? reachOf(member, studioId, audience).catch(() => null) : null;
    }),
  );
  const wanted = new Map<string, { toStudent: boolean; toFamily: boolean }>();
  for (const reach of reaches) {
    if (!reach) continue;
    for (const id of reach.studentIds) {
      const seen = wanted.get(id) ?? { toStudent: false, toFamily: false };
      wanted.set(id, { toStudent: seen.toStudent || reach.toStudent, toFamily: seen.toFamily || reach.toFamily });
    }
  }
  const ids = [...wanted.keys()];
  const students = await readMany(ids.map((studentId) => itemOf(resourcesDb().entities.student, { studioId, studentId })));
  for (const student of students) {
    if (!student || student.deletedAt) continue;
    const how = wanted.get(student.studentId)!;
    if (how.toStudent) inboxes.add(studentInbox(student.studentId));
    if (how.toFamily && student.familyId) inboxes.add(familyInbox(student.familyId));
  }
  return inboxes;
}

const CHUNK = 25;

export const listed = (resource: ResourceRecord, sharedByName: string) => ({
  title: resource.title,
  ...(resource.description ? { description: resource.description } : {}),
  kind: resource.kind,
  fileName: resource.fileName,
  contentType: resource.contentType,
  size: resource.size,
  sharedByName,
});

const differs = (entry: MaterialEntryRecord, want: ReturnType<typeof listed>) =>
  entry.title !== want.title ||
  (entry.description ?? "") !== (want.description ?? "") ||
  entry.kind !== want.kind ||
  entry.fileName !== want.fileName ||
  entry.contentType !== want.contentType ||
  entry.size !== want.size;

/**
 * Brings the households' materials in line with a resource: an entry in every inbox its audiences
 * reach (new ones dated now and, when `notify`, queued for the day's "New material" email), none
 * elsewhere, each showing the resource as it is now. Idempotent: run after every change to a
 * resource's shares, file, title or place (trash, restore), and safe to run again.
 */
export async function syncRecipients(member: StudioMember, resource: ResourceRecord, options: { notify: boolean; sharedByName: string; now?: Date }) {
  const { materialEntry } = resourcesDb().entities;
  const { studioId, resourceId } = resource;
  const now = options.now ?? new Date();
  const [wanted, { data: current }] = await Promise.all([
    inboxesOf(member, resource),
    materialEntry.query.recipientsOfResource({ studioId, resourceId }).go({ pages: "all" }),
  ]);
  const have = new Map(current.map((entry) => [entry.inbox, entry]));
  const removed = current.filter((entry) => !wanted.has(entry.inbox));
  const added = [...wanted].filter((inbox) => !have.has(inbox));
  const changed = current.filter((entry) => wanted.has(entry.inbox) && differs(entry, listed(resource, entry.sharedByName)));

  for (let i = 0; i < removed.length; i += CHUNK) {
    await materialEntry.delete(removed.slice(i, i + CHUNK).map(({ inbox }) => ({ studioId, inbox, resourceId }))).go();
  }
  const fresh = added.map((inbox) => ({
    studioId,
    inbox,
    resourceId,
    sharedAt: now.toISOString(),
    ...listed(resource, options.sharedByName),
    ...(options.notify ? { digestDay: utcDay(now) } : {}),
  }));
  const rewritten = changed.map((entry) => ({ ...entry, ...listed(resource, entry.sharedByName) }));
  const puts = [...fresh, ...rewritten];
  for (let i = 0; i < puts.length; i += CHUNK) await materialEntry.put(puts.slice(i, i + CHUNK)).go();
  return { added: added.length, removed: removed.length, changed: changed.length };
}
