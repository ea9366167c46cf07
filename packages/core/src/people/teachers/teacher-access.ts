import { itemOf } from "../../kernel/db/read-together";
import { db } from "../../db";
import { type Actor, hiddenRecord, loadMemberWith } from "../../policy";
import type { TeacherRecord } from "./teacher-view";

export const teacherKey = (studioId: string, teacherId: string) => itemOf(db().entities.teacher, { studioId, teacherId });

/**
 * The actor as a member and the teacher, in one read. Every member may see the directory, so only
 * a missing (or, unless `includeDeleted`, deleted) teacher is a 404.
 */
export async function loadTeacher(actor: Actor, studioId: string, teacherId: string, options: { includeDeleted?: boolean } = {}) {
  const { member, studio, records } = await loadMemberWith(actor, studioId, teacherKey(studioId, teacherId));
  const teacher = records[0] as TeacherRecord | null;
  if (!teacher || (teacher.deletedAt && !options.includeDeleted)) throw hiddenRecord("Teacher");
  return { member, studio, teacher };
}

/** The key and index composites every teacher write passes, so ElectroDB can rebuild the list keys. */
export const teacherIndexKeys = (t: Pick<TeacherRecord, "nameKey" | "emailKey" | "listing">) => ({
  nameKey: t.nameKey,
  emailKey: t.emailKey,
  listing: t.listing,
});
