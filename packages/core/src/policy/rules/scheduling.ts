import { AppError, notFound } from "../../kernel/errors";
import type { AttendeeFacts, LessonFacts, PersonFacts, RequestFacts, TeachingFacts } from "../facts";
import { adminsOnly, hiddenRecord, isTeacher, rule } from "../rule";
import { isStaff, isStudioAdmin, type StudioMember } from "../studio-member";

/**
 * Who runs a lesson or pattern: admins, the teacher teaching it and the teacher it was booked with
 * (a substitution adds the substitute and takes nothing away from the lesson's own teacher).
 */
const teaches = (member: StudioMember, lesson: TeachingFacts) =>
  isStudioAdmin(member) || isTeacher(member, lesson.teacherId) || isTeacher(member, lesson.originalTeacherId);

/** Lessons, recurring patterns, attendance, cancellations, reschedule requests, closures, calendar feeds. */
export const SCHEDULING_RULES = {
  /** Booking lessons and making recurring patterns: admins and teachers (a teacher: their own, with their own students). */
  "lesson.schedule": rule(isStaff, () => new AppError("lesson.staff_only", "Only admins and teachers schedule lessons; ask for a reschedule instead")),
  /**
   * A lesson (or pattern): admins; the teacher teaching it and the teacher it was booked with; its
   * students; the parents of its students.
   */
  "lesson.view": rule<LessonFacts>(
    (member, lesson) => {
      if (isStudioAdmin(member)) return true;
      switch (member.role) {
        case "teacher":
          return teaches(member, lesson);
        case "student":
          return Boolean(member.studentId) && lesson.studentIds.includes(member.studentId!);
        case "parent":
          return lesson.familyStudentIds.some((id) => lesson.studentIds.includes(id));
        default:
          return false;
      }
    },
    () => notFound("Lesson"),
  ),
  /** Changing a lesson, taking attendance, writing notes, answering reschedule requests. */
  "lesson.teach": rule<TeachingFacts>(teaches, () => new AppError("lesson.teachers_only", "Only the studio's admins and the lesson's teachers may do this")),
  /** One student's attendance and name on a lesson: staff; the student themself; a parent their children. */
  "lesson.attendee.view": rule<AttendeeFacts>(
    (member, { studentId, familyStudentIds }) =>
      isStaff(member) || (member.role === "student" && member.studentId === studentId) || (member.role === "parent" && familyStudentIds.includes(studentId)),
    () => hiddenRecord("Student"),
  ),
  /** Cancelling a lesson: those who run it, and its students' side (students, parents). */
  "lesson.cancel": rule<TeachingFacts>(
    (member, lesson) => teaches(member, lesson) || member.role === "student" || member.role === "parent",
    () => new AppError("cancellation.not_party", "Only admins, the lesson's teacher and its students or their parents may cancel it"),
  ),
  /** Asking to move a lesson: its student, or a parent of one of its students (admins and its teacher move it directly). */
  "reschedule.request": rule<LessonFacts>(
    (member, lesson) =>
      (member.role === "student" && Boolean(member.studentId) && lesson.studentIds.includes(member.studentId!)) ||
      (member.role === "parent" && lesson.studentIds.some((id) => lesson.familyStudentIds.includes(id))),
    () => new AppError("reschedule.students_only", "Only the lesson's student or their parents ask to move it; admins and its teacher move it directly"),
  ),
  /** A reschedule request: admins; the lesson's teachers; the student it is for; the parents of that student's family. */
  "reschedule.view": rule<RequestFacts>(
    (member, request) => {
      if (isStudioAdmin(member)) return true;
      switch (member.role) {
        case "teacher":
          return Boolean(member.teacherId) && request.teacherIds.includes(member.teacherId);
        case "student":
          return Boolean(member.studentId) && request.studentId === member.studentId;
        case "parent":
          return Boolean(member.familyId) && request.familyId === member.familyId;
        default:
          return false;
      }
    },
    () => notFound("Reschedule request"),
  ),
  /** Withdrawing a request: whoever asked. */
  "reschedule.withdraw": rule<{ requestedBy: string }>(
    (member, { requestedBy }) => member.userId === requestedBy,
    () => new AppError("reschedule.not_requester", "Only the person who asked may withdraw the request"),
  ),
  "cancellation-policy.set": adminsOnly(),
  "closure.manage": adminsOnly(),
  /** Changing or ending a recurring pattern: admins and its teacher. */
  "pattern.change": rule<{ teacherId: string }>(
    (member, { teacherId }) => isStudioAdmin(member) || isTeacher(member, teacherId),
    () => new AppError("pattern.teachers_only", "Only the studio's admins and the pattern's teacher may change it"),
  ),
  /**
   * Whose lessons a member may subscribe to: admins any teacher, student or family; a teacher
   * their own calendar; a student their own; a parent their family's or one of their children's.
   */
  "calendar-feed.subscribe": rule<PersonFacts>(
    (member, subject) => {
      if (isStudioAdmin(member)) return true;
      switch (member.role) {
        case "teacher":
          return subject.type === "teacher" && isTeacher(member, subject.id);
        case "student":
          return subject.type === "student" && Boolean(member.studentId) && subject.id === member.studentId;
        case "parent":
          if (!member.familyId) return false;
          return (subject.type === "family" && subject.id === member.familyId) || (subject.type === "student" && subject.familyId === member.familyId);
        default:
          return false;
      }
    },
    () => new AppError("feed.not_yours", "You may subscribe only to your own calendar (parents: their family's or their children's)"),
  ),
  /** Revoking a feed: its owner, or an admin (anyone else does not see it). */
  "calendar-feed.revoke": rule<{ ownerUserId: string }>(
    (member, { ownerUserId }) => isStudioAdmin(member) || ownerUserId === member.userId,
    () => hiddenRecord("Calendar feed"),
  ),
} as const;
