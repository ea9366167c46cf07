import type { FieldErrors } from "./problem";
import type { Tone } from "./tone";
import { parseMoney, minorDigits, scaledToInput } from "./money-input";

/**
 * Courses, class slots and admissions in the studio's words, and the course form: what the
 * workspace's Classes pages share.
 */
export const classesHref = (base: string, rest = "") => `${base}/classes${rest}`;

export const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;
export const weekdayName = (weekday: number) => WEEKDAYS[weekday - 1] ?? "";
/** "Tuesdays 16:00, 45 min". */
export const slotWhen = (slot: { weekday: number; startTime: string; durationMinutes: number }) =>
  `${weekdayName(slot.weekday)}s ${slot.startTime}, ${slot.durationMinutes} min`;

/** How full a slot is, as a badge tone. */
export const occupancyTone = (slot: { seatsTaken: number; capacity: number }): Tone =>
  slot.seatsTaken >= slot.capacity ? "danger" : slot.seatsTaken >= slot.capacity * 0.75 ? "warning" : "success";

export const COURSE_LABELS: Record<string, string> = {
  name: "Name",
  instrument: "Instrument",
  kind: "Group or private",
  description: "Description",
  minAge: "Youngest age",
  maxAge: "Oldest age",
  plans: "Plans",
};

/** The plan rows the course form shows (filled ones, then blanks up to this many). */
export const PLAN_ROWS = 4;

export interface PlanValues {
  planId: string;
  name: string;
  classCount: string;
  price: string;
  validityDays: string;
}

export interface CourseValues {
  name: string;
  instrument: string;
  kind: string;
  description: string;
  minAge: string;
  maxAge: string;
  isActive: boolean;
  plans: PlanValues[];
}

const blankPlan = (): PlanValues => ({ planId: "", name: "", classCount: "", price: "", validityDays: "" });
const padded = (plans: PlanValues[]) =>
  [...plans, ...Array.from({ length: Math.max(1, PLAN_ROWS - plans.length) }, blankPlan)].slice(0, Math.max(PLAN_ROWS, plans.length + 1));

export const EMPTY_COURSE: CourseValues = {
  name: "",
  instrument: "",
  kind: "group",
  description: "",
  minAge: "",
  maxAge: "",
  isActive: true,
  plans: padded([]),
};

/** A stored course as the form's values. */
export function courseValuesOf(
  course: {
    name: string;
    instrument: string;
    kind: string;
    description: string | null;
    minAge: number | null;
    maxAge: number | null;
    isActive: boolean;
    plans: { id: string; name: string; classCount: number; priceMinor: number; validityDays: number }[];
  },
  currency: string,
): CourseValues {
  return {
    name: course.name,
    instrument: course.instrument,
    kind: course.kind,
    description: course.description ?? "",
    minAge: course.minAge === null ? "" : String(course.minAge),
    maxAge: course.maxAge === null ? "" : String(course.maxAge),
    isActive: course.isActive,
    plans: padded(
      course.plans.map((p) => ({
        planId: p.id,
        name: p.name,
        classCount: String(p.classCount),
        price: scaledToInput(p.priceMinor, minorDigits(currency)),
        validityDays: String(p.validityDays),
      })),
    ),
  };
}

export function courseValuesFrom(form: FormData): CourseValues {
  const text = (name: string) => String(form.get(name) ?? "").trim();
  const plans: PlanValues[] = [];
  for (let i = 0; form.has(`plan${i}-name`); i++) {
    plans.push({
      planId: text(`plan${i}-id`),
      name: text(`plan${i}-name`),
      classCount: text(`plan${i}-classCount`),
      price: text(`plan${i}-price`),
      validityDays: text(`plan${i}-validityDays`),
    });
  }
  return {
    name: text("name"),
    instrument: text("instrument"),
    kind: text("kind") || "group",
    description: text("description"),
    minAge: text("minAge"),
    maxAge: text("maxAge"),
    isActive: form.get("isActive") !== null || !form.has("isActiveShown"),
    plans: padded(plans.filter((p) => p.name || p.classCount || p.price || p.validityDays)),
  };
}

const whole = (value: string) => (/^\d+$/.test(value) ? Number(value) : Number.NaN);

/** The API body of the course form (`create`: with its kind), or the errors found before sending. */
export function courseBody(values: CourseValues, mode: "create" | "update", currency: string): { body: Record<string, unknown>; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const filled = values.plans.filter((p) => p.name || p.classCount || p.price || p.validityDays);
  const plans = filled.map((p, i) => {
    const price = parseMoney(p.price, currency);
    if (!price.ok) errors[`plans.${i}.priceMinor`] = price.reason;
    for (const key of ["classCount", "validityDays"] as const) if (Number.isNaN(whole(p[key]))) errors[`plans.${i}.${key}`] = "Enter a whole number";
    return {
      ...(p.planId ? { planId: p.planId } : {}),
      name: p.name,
      classCount: whole(p.classCount),
      priceMinor: price.ok ? price.value : 0,
      validityDays: whole(p.validityDays),
    };
  });
  if (plans.length === 0) errors.plans = "Add at least one plan";
  const age = (value: string, key: string) => {
    if (!value) return mode === "update" ? null : undefined;
    const n = whole(value);
    if (Number.isNaN(n)) errors[key] = "Enter a whole number";
    return n;
  };
  const body: Record<string, unknown> = {
    name: values.name,
    instrument: values.instrument,
    ...(mode === "create" ? { kind: values.kind } : { isActive: values.isActive }),
    ...(values.description ? { description: values.description } : mode === "update" ? { description: null } : {}),
    plans,
  };
  const minAge = age(values.minAge, "minAge");
  const maxAge = age(values.maxAge, "maxAge");
  if (minAge !== undefined) body.minAge = minAge;
  if (maxAge !== undefined) body.maxAge = maxAge;
  return { body, errors };
}

/** The course form's errors by field, plan rows as `plan<i>-<field>`. */
export const courseFormErrors = (errors: FieldErrors): FieldErrors =>
  Object.fromEntries(
    Object.entries(errors).map(([path, message]) => {
      const plan = /^plans\.(\d+)\.(\w+)$/.exec(path);
      return [plan ? `plan${plan[1]}-${plan[2] === "priceMinor" ? "price" : plan[2]}` : path, message];
    }),
  );
