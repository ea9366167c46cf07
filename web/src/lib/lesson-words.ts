import type { Tone } from "./tone";

export interface Names {
  students: Record<string, string>;
  teachers: Record<string, string>;
  bands: Record<string, string>;
}

/** Who a lesson is for, in words: the band, or its students by name (the title when it has one). */
export function lessonWho(lesson: { bandId: string | null; studentIds: string[]; title: string | null }, names: Names): string {
  const who = lesson.bandId
    ? (names.bands[lesson.bandId] ?? "A band")
    : lesson.studentIds.map((id) => names.students[id] ?? "A student").join(", ") || "No students";
  return lesson.title ? `${who} — ${lesson.title}` : who;
}

const STATUS: Record<string, { label: string; tone: Tone }> = {
  in_progress: { label: "In progress", tone: "info" },
  completed: { label: "Completed", tone: "success" },
  cancelled: { label: "Cancelled", tone: "danger" },
  no_show: { label: "No-show", tone: "warning" },
};

/** A badge for a lesson that is not simply scheduled (undefined for a scheduled one). */
export const lessonStatusBadge = (status: string) => STATUS[status];
