import { isStudioAdmin, type StudioMember } from "../../policy";

/**
 * Which of a lesson's notes a member who may read the lesson sees: admins and its teachers (the one
 * teaching it and the one it was booked with) all of them; its students only those visible to the
 * student; their parents only those visible to the parent. The flags are honoured exactly: a note
 * for the parent alone is not shown to the student, and the other way round.
 */
export type NoteAudience = "all" | "student" | "parent";

export function noteAudienceOf(member: StudioMember): NoteAudience | null {
  if (isStudioAdmin(member) || member.role === "teacher") return "all";
  if (member.role === "student") return "student";
  if (member.role === "parent") return "parent";
  return null;
}

export function maySeeNote(audience: NoteAudience | null, note: { visibleToStudent: boolean; visibleToParent: boolean }): boolean {
  if (audience === "all") return true;
  if (audience === "student") return note.visibleToStudent;
  if (audience === "parent") return note.visibleToParent;
  return false;
}
