import { commitWritesOr, rejectedAs } from "../kernel/db/commit-writes";
import { itemOf } from "../kernel/db/read-together";
import { readMany } from "../kernel/db/read-many";
import { familyInbox, listed, studentInbox } from "./recipients";
import { resourcesDb } from "./resources-db";
import type { ResourceShareRecord } from "./resource-share.entity";
import { TRASH_SHELF } from "./resource-view";

/** Why a student's materials are caught up: they were enrolled or restored, moved family, or joined a band. */
export type CatchUpReason = { kind: "student" } | { kind: "band"; bandId: string };

/**
 * The audiences whose earlier shares a student now belongs to: on enrolment, restore or a move of
 * family, "all students", their own and their family's; on joining a band, the band. (A lesson's
 * students are fixed when it is booked, so nobody joins a lesson's audience later.)
 */
function audiencesFor(reason: CatchUpReason, familyId: string | undefined, studentId: string): string[] {
  if (reason.kind === "band") return [`band#${reason.bandId}`];
  return ["all_students", `student#${studentId}`, ...(familyId ? [`family#${familyId}`] : [])];
}

/**
 * Gives a student who joins an audience late (a new student and "all students", a band's new
 * member and the band) the materials shared with it before: an entry in their inbox and their
 * family's for every resource still shared with it, dated when it was shared (so it sits among the
 * older materials, not on top) and never queued for the "New material" email (no `digestDay`: old
 * files are not news). Each entry is written on condition that the share is still there and the
 * entry is not (one small transaction each), so a share stopped meanwhile is not brought back and
 * running this twice writes nothing more; stopping the share later removes these entries like any
 * other (recipients.ts reaches every current student). Reads: the student, one Query per audience,
 * the resources and the entries already there (batch gets). Returns how many entries it wrote.
 */
export async function catchUpMaterials(studioId: string, studentId: string, reason: CatchUpReason): Promise<number> {
  const { student, resourceShare, resource, materialEntry, user } = resourcesDb().entities;
  const { data: record } = await student.get({ studioId, studentId }).go();
  if (!record || record.deletedAt) return 0;
  const audiences = audiencesFor(reason, record.familyId, studentId);
  const pages = await Promise.all(audiences.map((audienceKey) => resourceShare.query.sharesByAudience({ studioId, audienceKey }).go({ pages: "all" })));
  // The earliest share of each resource reaching the student is the one its entry is dated by.
  const firstShare = new Map<string, ResourceShareRecord>();
  for (const share of pages.flatMap((page) => page.data)) {
    const seen = firstShare.get(share.resourceId);
    if (!seen || share.sharedAt < seen.sharedAt) firstShare.set(share.resourceId, share);
  }
  if (firstShare.size === 0) return 0;
  const inboxes = [studentInbox(studentId), ...(record.familyId ? [familyInbox(record.familyId)] : [])];
  const shares = [...firstShare.values()];
  const [resources, entries, sharers] = await Promise.all([
    readMany(shares.map(({ resourceId }) => itemOf(resource, { studioId, resourceId }))),
    readMany(shares.flatMap(({ resourceId }) => inboxes.map((inbox) => itemOf(materialEntry, { studioId, inbox, resourceId })))),
    readMany([...new Set(shares.map((share) => share.sharedBy))].map((userId) => itemOf(user, { userId }))),
  ]);
  const have = new Set(entries.flatMap((entry) => (entry ? [`${entry.inbox}|${entry.resourceId}`] : [])));
  const names = new Map(sharers.flatMap((u) => (u ? [[u.userId, u.name] as const] : [])));
  let written = 0;
  for (const [i, share] of shares.entries()) {
    const found = resources[i];
    if (!found || found.shelf === TRASH_SHELF) continue;
    for (const inbox of inboxes) {
      if (have.has(`${inbox}|${share.resourceId}`)) continue;
      const entry = { studioId, inbox, resourceId: share.resourceId, sharedAt: share.sharedAt, ...listed(found, names.get(share.sharedBy) ?? "Your teacher") };
      const refused = await commitWritesOr(resourcesDb, (tx) => [
        rejectedAs(
          tx.resourceShare
            .check({ studioId, resourceId: share.resourceId, audienceKey: share.audienceKey })
            .where((a, op) => op.exists(a.audienceKey))
            .commit(),
          "unshared",
        ),
        rejectedAs(tx.materialEntry.create(entry).commit(), "there already"),
      ]);
      if (!refused) written++;
    }
  }
  return written;
}
