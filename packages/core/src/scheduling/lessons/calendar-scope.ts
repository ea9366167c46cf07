import { AppError } from "../../kernel/errors";
import { isStudioAdmin, type StudentFacts, type StudioMember } from "../../policy";
import { roomKeyOf } from "../bookings/booking-slot";
import type { LessonCalendarQuery } from "./calendar-query";

/** Which calendar index one list request reads. */
export type CalendarScope =
  | { kind: "studio" }
  | { kind: "teacher"; teacherId: string }
  /** `taughtBy`: a teacher reading their own student's calendar sees only the lessons they teach. */
  | { kind: "student"; studentId: string; taughtBy?: string }
  | { kind: "family"; familyId: string }
  | { kind: "room"; roomKey: string }
  /** A member whose profile is not linked (a teacher login without a teacher record): nothing to show. */
  | { kind: "empty" };

const refuse = (path: string, message: string) => new AppError("calendar.not_yours", message, { errors: [{ path, message }] });

/**
 * Decides whose calendar a member reads (seeds: the lessons a role sees). Without a filter:
 * admins the whole studio, teachers their own lessons, students themselves, parents their family.
 * A filter for something the member may not see is a 403: another teacher's calendar, a student
 * who is not theirs (teachers: their own students; parents: their children), another family,
 * a room (admins only, as a room holds every teacher's lessons). `student` is the record of
 * `query.studentId`, read with the membership.
 */
export function calendarScope(member: StudioMember, query: LessonCalendarQuery, student: StudentFacts | null): CalendarScope {
  const admin = isStudioAdmin(member);
  if (query.teacherId !== undefined) {
    if (admin || (member.role === "teacher" && member.teacherId === query.teacherId)) return { kind: "teacher", teacherId: query.teacherId };
    throw refuse("teacherId", "You may read only your own teaching calendar");
  }
  if (query.studentId !== undefined) {
    const studentId = query.studentId;
    if (admin) return { kind: "student", studentId };
    if (member.role === "student" && member.studentId === studentId) return { kind: "student", studentId };
    if (member.role === "parent" && member.familyId && student?.familyId === member.familyId) return { kind: "student", studentId };
    if (member.role === "teacher" && member.teacherId && student?.primaryTeacherId === member.teacherId) {
      return { kind: "student", studentId, taughtBy: member.teacherId };
    }
    throw refuse("studentId", "You may read only the calendars of students who are yours to see");
  }
  if (query.familyId !== undefined) {
    if (admin || (member.role === "parent" && member.familyId === query.familyId)) return { kind: "family", familyId: query.familyId };
    throw refuse("familyId", "You may read only your own family's calendar");
  }
  if (query.roomName !== undefined) {
    if (admin) return { kind: "room", roomKey: roomKeyOf(query.roomName) };
    throw refuse("roomName", "Only the studio's admins read a room's calendar");
  }
  if (admin) return { kind: "studio" };
  switch (member.role) {
    case "teacher":
      return member.teacherId ? { kind: "teacher", teacherId: member.teacherId } : { kind: "empty" };
    case "student":
      return member.studentId ? { kind: "student", studentId: member.studentId } : { kind: "empty" };
    case "parent":
      return member.familyId ? { kind: "family", familyId: member.familyId } : { kind: "empty" };
    default:
      return { kind: "empty" };
  }
}
