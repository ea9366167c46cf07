import { itemOf, type ItemRead } from "../../kernel/db/read-together";
import { db } from "../../db";
import { may, assertMay, type Actor, hiddenRecord, loadMemberWith, type StudioMember } from "../../policy";
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

/** What the catalogue's "band.view" needs: the band's students, and whether the member teaches one of them. */
export const bandFacts = (member: StudioMember, band: BandRecord, members: StudentRecord[]) => ({
  memberStudentIds: band.memberStudentIds ?? [],
  teachesAMember: Boolean(member.teacherId) && members.some((s) => s.primaryTeacherId === member.teacherId),
});

/** The band's students, or 404 when the member may not see the band. */
export async function readableBandMembers(member: StudioMember, band: BandRecord): Promise<StudentRecord[]> {
  const members = await readStudents(band.studioId, band.memberStudentIds);
  assertMay(member, "band.view", bandFacts(member, band, members));
  return members;
}

/** Band writes are admin-only: 403 to those who may see the band, 404 to everyone else. */
export async function assertBandAdmin(member: StudioMember, band: BandRecord): Promise<void> {
  if (may(member, "band.change")) return;
  await readableBandMembers(member, band);
  assertMay(member, "band.change");
}
