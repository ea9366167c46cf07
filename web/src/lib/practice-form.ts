import { field } from "./form";

/** Logging a student's practice from the workspace (admins): the form's values and the body the API takes. */
export interface PracticeValues {
  practisedOn: string;
  minutes: string;
  pieces: string;
  notes: string;
}

export const PRACTICE_LABELS: Record<keyof PracticeValues, string> = {
  practisedOn: "Day practised",
  minutes: "Minutes",
  pieces: "Pieces",
  notes: "Notes",
};

export const practiceValuesFrom = (form: FormData): PracticeValues => ({
  practisedOn: field(form, "practisedOn"),
  minutes: field(form, "minutes"),
  pieces: field(form, "pieces"),
  notes: field(form, "notes"),
});

/** Pieces one per line; minutes as a number when whole, else as typed so the API says what is wrong. */
export function practiceBody(studentId: string, v: PracticeValues) {
  const pieces = v.pieces
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return {
    studentId,
    practisedOn: v.practisedOn,
    minutes: /^\d+$/.test(v.minutes) ? Number(v.minutes) : v.minutes,
    ...(pieces.length ? { pieces } : {}),
    ...(v.notes ? { notes: v.notes } : {}),
  } as never;
}

/** Where one practice log is deleted; its day travels along so the page finds it in one read. */
export const practiceDeleteHref = (studentHref: string, log: { id: string; practisedOn: string }) =>
  `${studentHref}/practice/${encodeURIComponent(log.id)}/delete?on=${log.practisedOn}`;
