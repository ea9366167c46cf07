import { itemOf, type ItemRead } from "../../kernel/db/read-together";
import { db } from "../../db/service";
import { AppError } from "../../kernel/errors";
import { type Actor, hiddenRecord, isStudioAdmin, loadMemberWith, type StudioMember } from "../../policy";
import { readStudents, type StudentRecord } from "../student-summaries";
import type { BandRecord } from "./band-view";

export const bandKey = (studioId: string, bandId: string) => itemOf(db().entities.band, { studioId, bandId });
export const studentKey = (studioId: string, studentId: string) => itemOf(db().entities.student, { studioId, studentId });

/** The member and the live band in one read (`extra` records ride along); missing or deleted → 404. */
export async function loadBand<const T extends readonly ItemRead<unknown>[]>(actor: Actor, studioId: string, bandId: string, ...extra: T) {
  const { member, records } = await loadMemberWith(actor, studioId, bandKey(studioId, bandId), ...extra);
  const [band, ...rest] = records as unknown as [BandRecord | null, ...unknown[]];
  if (!band || band.deletedAt) throw hiddenRecord("Band");
  return { member, band, extra: rest as unknown as { [K in keyof T]: T[K] extends ItemRead<infer V> ? V | null : never } };
}

/**
 * Who may see a band: admins, the students playing in it, and the teachers of any of them. Pure,
 * given the band's (already read) member students.
 */
export function mayReadBand(member: StudioMember, band: BandRecord, members: StudentRecord[]): boolean {
  if (isStudioAdmin(member)) return true;
  if (member.role === "student") return Boolean(member.studentId) && (band.memberStudentIds ?? []).includes(member.studentId!);
  if (member.role === "teacher") return Boolean(member.teacherId) && members.some((s) => s.primaryTeacherId === member.teacherId);
  return false;
}

/** The band's students, or 404 when the member may not see the band. */
export async function readableBandMembers(member: StudioMember, band: BandRecord): Promise<StudentRecord[]> {
  const members = await readStudents(band.studioId, band.memberStudentIds);
  if (!mayReadBand(member, band, members)) throw hiddenRecord("Band");
  return members;
}

/** Band writes are admin-only: 403 to those who may see the band, 404 to everyone else. */
export async function assertBandAdmin(member: StudioMember, band: BandRecord): Promise<void> {
  if (isStudioAdmin(member)) return;
  await readableBandMembers(member, band);
  throw new AppError("band.role_not_allowed", `Your role (${member.role}) may not change bands`);
}
