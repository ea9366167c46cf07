import { itemOf, readTogether, type ItemRead } from "../../kernel/db/read-together";
import { assertMay, hiddenRecord, may, type StudioMember } from "../../policy";
import { teachingDb } from "../teaching-db";
import type { FEED_SUBJECTS } from "./calendar-feed.entity";

export type FeedSubjectType = (typeof FEED_SUBJECTS)[number];

/** The person or family a feed shows lessons of, as far as the feed rules need to know it. */
export interface FeedSubject {
  type: FeedSubjectType;
  id: string;
  name: string;
  /** A student's family and teacher (for the parent and "may see" rules). */
  familyId?: string;
  primaryTeacherId?: string;
  /** A family's students (for "a teacher who teaches one of them may see it"). */
  studentIds?: string[];
}

const LABELS: Record<FeedSubjectType, string> = { teacher: "Teacher", student: "Student", family: "Family" };

/** The subject's record, for loadMemberWith / readTogether. */
export function subjectRead(studioId: string, type: FeedSubjectType, id: string): ItemRead<unknown> {
  const { teacher, student, family } = teachingDb().entities;
  if (type === "teacher") return itemOf(teacher, { studioId, teacherId: id });
  if (type === "student") return itemOf(student, { studioId, studentId: id });
  return itemOf(family, { studioId, familyId: id });
}

type SubjectRecord = {
  deletedAt?: string;
  firstName?: string;
  lastName?: string;
  name?: string;
  familyId?: string;
  primaryTeacherId?: string;
  studentIds?: Iterable<string>;
};

/** The live subject from its record; missing or deleted → 404. */
export function liveSubject(type: FeedSubjectType, id: string, raw: unknown): FeedSubject {
  const record = raw as SubjectRecord | null;
  if (!record || record.deletedAt) throw hiddenRecord(LABELS[type]);
  return {
    type,
    id,
    name: type === "family" ? (record.name ?? "") : `${record.firstName ?? ""} ${record.lastName ?? ""}`.trim(),
    familyId: record.familyId,
    primaryTeacherId: record.primaryTeacherId === "none" ? undefined : record.primaryTeacherId,
    studentIds: record.studentIds ? [...record.studentIds] : undefined,
  };
}

/** Whether the member may see the subject at all (then a refused feed is 403, not 404). */
async function maySeeSubject(member: StudioMember, studioId: string, subject: FeedSubject): Promise<boolean> {
  if (subject.type === "teacher") return true; // the teacher directory is open to every member
  if (subject.type === "student") {
    return may(member, "student.view", { studentId: subject.id, familyId: subject.familyId, primaryTeacherId: subject.primaryTeacherId });
  }
  return may(member, "family.view", {
    familyId: subject.id,
    teachesAStudentOfIt: member.role === "teacher" && (await teachesOneOf(member, studioId, subject.studentIds ?? [])),
  });
}

/** Whether a teacher is the primary teacher of one of these students (one read per 100). */
async function teachesOneOf(member: StudioMember, studioId: string, studentIds: string[]): Promise<boolean> {
  if (!member.teacherId) return false;
  const { student } = teachingDb().entities;
  for (let i = 0; i < studentIds.length; i += 100) {
    const records = await readTogether(...studentIds.slice(i, i + 100).map((studentId) => itemOf(student, { studioId, studentId })));
    if (records.some((r) => r && !r.deletedAt && r.primaryTeacherId === member.teacherId)) return true;
  }
  return false;
}

/** Allows the feed, or refuses it: 403 to a member who sees the subject, 404 to the rest. */
export async function assertMayFeed(member: StudioMember, studioId: string, subject: FeedSubject): Promise<void> {
  if (may(member, "calendar-feed.subscribe", subject)) return;
  if (await maySeeSubject(member, studioId, subject)) assertMay(member, "calendar-feed.subscribe", subject);
  throw hiddenRecord(LABELS[subject.type]);
}
