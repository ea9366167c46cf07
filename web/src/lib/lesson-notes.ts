import { field } from "./form";

/** A lesson note as the form edits it: what happened, homework, and who besides staff may read it. */
export interface NoteValues {
  summary: string;
  homework: string;
  visibleToStudent: boolean;
  visibleToParent: boolean;
}

export const NOTE_LABELS: Record<string, string> = {
  summary: "What happened",
  homework: "Homework",
  visibleToStudent: "The student can see it",
  visibleToParent: "Parents can see it",
};

export const ATTENDANCE_CHOICES = [
  { value: "present", label: "Present" },
  { value: "late", label: "Late" },
  { value: "absent", label: "Absent" },
  { value: "excused", label: "Excused" },
] as const;

export function noteValues(form: FormData): NoteValues {
  return {
    summary: field(form, "summary"),
    homework: field(form, "homework"),
    visibleToStudent: form.get("visibleToStudent") === "on",
    visibleToParent: form.get("visibleToParent") === "on",
  };
}

/** The API body: an empty homework clears it. */
export const noteBody = (v: NoteValues) => ({
  summary: v.summary,
  homework: v.homework || null,
  visibleToStudent: v.visibleToStudent,
  visibleToParent: v.visibleToParent,
});

/** Who can read a note, in words (staff always can). */
export function visibilityWords(note: { visibleToStudent: boolean; visibleToParent: boolean }): string {
  if (note.visibleToStudent && note.visibleToParent) return "Student and parents can see this";
  if (note.visibleToParent) return "Parents can see this";
  if (note.visibleToStudent) return "The student can see this";
  return "Staff only";
}
