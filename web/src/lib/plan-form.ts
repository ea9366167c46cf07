import { type FieldErrors, type Problem, problemMessage } from "./problem";
import { listFieldErrors, shownPaths } from "./list-field-errors";

/**
 * The lesson plan form: what was typed (lists one per line, tags separated by commas), the body
 * the API takes, and its errors folded onto the form's fields ("objectives.2" → "objectives").
 */
export interface PlanValues {
  title: string;
  description: string;
  specialty: string;
  durationMinutes: string;
  objectives: string;
  materials: string;
  activities: string;
  tags: string;
  isPublic: boolean;
}

export const PLAN_LABELS: Record<keyof PlanValues, string> = {
  title: "Title",
  description: "What the lesson is about",
  specialty: "Instrument or subject",
  durationMinutes: "Length (minutes)",
  objectives: "Objectives",
  materials: "Materials",
  activities: "Activities",
  tags: "Tags",
  isPublic: "Share with the studio's teachers",
};
export const PLAN_FIELDS = Object.keys(PLAN_LABELS);

export const EMPTY_PLAN: PlanValues = {
  title: "",
  description: "",
  specialty: "",
  durationMinutes: "",
  objectives: "",
  materials: "",
  activities: "",
  tags: "",
  isPublic: false,
};

/** A saved plan as the form shows it. */
export function planValuesOf(plan: {
  title: string;
  description: string | null;
  specialty: string | null;
  durationMinutes: number | null;
  objectives: string[];
  materials: string[];
  activities: string[];
  tags: string[];
  isPublic: boolean;
}): PlanValues {
  return {
    title: plan.title,
    description: plan.description ?? "",
    specialty: plan.specialty ?? "",
    durationMinutes: plan.durationMinutes === null ? "" : String(plan.durationMinutes),
    objectives: plan.objectives.join("\n"),
    materials: plan.materials.join("\n"),
    activities: plan.activities.join("\n"),
    tags: plan.tags.join(", "),
    isPublic: plan.isPublic,
  };
}

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value.trim() : "";
};

export function planValuesFrom(form: FormData): PlanValues {
  return {
    title: text(form, "title"),
    description: text(form, "description"),
    specialty: text(form, "specialty"),
    durationMinutes: text(form, "durationMinutes"),
    objectives: text(form, "objectives"),
    materials: text(form, "materials"),
    activities: text(form, "activities"),
    tags: text(form, "tags"),
    isPublic: form.get("isPublic") === "on",
  };
}

const lines = (value: string) =>
  value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
const commaList = (value: string) =>
  value
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean);
/** A whole number goes as a number; anything else as typed, so the API says what is wrong with it. */
const minutes = (value: string) => (/^\d+$/.test(value) ? Number(value) : value);

/**
 * The body to send. A new plan leaves blank fields out; a change clears them (`null`, `[]`).
 * Typed loosely on purpose: a mistyped length goes as typed and comes back as the API's error.
 */
export function planBody(v: PlanValues, mode: "create" | "update") {
  const blank = mode === "create" ? undefined : null;
  const body = {
    title: v.title,
    description: v.description || blank,
    specialty: v.specialty || blank,
    durationMinutes: v.durationMinutes ? minutes(v.durationMinutes) : blank,
    objectives: lines(v.objectives),
    materials: lines(v.materials),
    activities: lines(v.activities),
    tags: commaList(v.tags),
    isPublic: v.isPublic,
  };
  return JSON.parse(JSON.stringify(body)) as never;
}

/** The API's field errors on the form's fields: a list entry's error shows under its list. */
export const planErrors = (problem: Problem | undefined): FieldErrors => listFieldErrors(problem, PLAN_FIELDS);

/** The message over the form: plain words, plus any error no field of the form shows. */
export const planProblemMessage = (problem: Problem) => problemMessage(problem, shownPaths(problem, PLAN_FIELDS));

/** Who may change a plan: the studio's admins and its author. */
export const mayEditPlan = (ws: { isAdmin: boolean; teacherId: string | null }, plan: { teacherId: string | null }) =>
  ws.isAdmin || (ws.teacherId !== null && plan.teacherId === ws.teacherId);

export const planHref = (base: string, planId?: string, rest = "") => `${base}/plans${planId ? `/${encodeURIComponent(planId)}` : ""}${rest}`;
