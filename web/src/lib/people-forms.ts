import { parseMoney } from "./money-input";
import { field } from "./form";

/**
 * Form posts → the API's people payloads. On create a blank field is left out (the API's default);
 * on update a blank field is sent as null, which clears it.
 */
export type FormMode = "create" | "update";

export function textOf(form: FormData, name: string, mode: FormMode): string | null | undefined {
  const value = field(form, name);
  if (value) return value;
  return mode === "create" ? undefined : null;
}

function pick(form: FormData, names: readonly string[], mode: FormMode) {
  const out: Record<string, string | null> = {};
  for (const name of names) {
    const value = textOf(form, name, mode);
    if (value !== undefined) out[name] = value;
  }
  return out;
}

const checked = (form: FormData, name: string) => form.get(name) === "on";

export const STUDENT_FIELDS = [
  "firstName",
  "lastName",
  "email",
  "phone",
  "instrument",
  "skillLevel",
  "dateOfBirth",
  "enrollmentDate",
  "emergencyContactName",
  "emergencyContactPhone",
  "medicalNotes",
  "notes",
  "primaryTeacherId",
  "familyId",
  "isActive",
] as const;

/** `adminFields`: only admins move a student to another teacher or family. */
export function studentInput(form: FormData, mode: FormMode, adminFields: boolean) {
  const names = STUDENT_FIELDS.filter((n) => n !== "isActive" && (adminFields || (n !== "primaryTeacherId" && n !== "familyId")));
  const input: Record<string, string | boolean | null> = pick(form, names, mode);
  // A teacher's form has no family field: leave the family as it is.
  if (mode === "update" || form.has("isActive")) input.isActive = mode === "create" ? true : checked(form, "isActive");
  if (mode === "update" && !form.has("familyId")) delete input.familyId;
  return input as { firstName: string; lastName: string } & Record<string, string | boolean | null>;
}

export const FAMILY_FIELDS = ["name", "billingEmail", "phone", "address", "notes"] as const;
export const familyInput = (form: FormData, mode: FormMode) => pick(form, FAMILY_FIELDS, mode) as { name: string } & Record<string, string | null>;

export const GUARDIAN_FIELDS = ["firstName", "lastName", "email", "phone", "address", "relationship"] as const;
export const guardianInput = (form: FormData, mode: FormMode) =>
  pick(form, GUARDIAN_FIELDS, mode) as { firstName: string; lastName: string } & Record<string, string | null>;

export const BAND_FIELDS = ["name", "email", "phone", "address", "city", "state", "postalCode", "country", "notes"] as const;
export const bandInput = (form: FormData, mode: FormMode) => pick(form, BAND_FIELDS, mode) as { name: string } & Record<string, string | null>;

export const TEACHER_FIELDS = [
  "firstName",
  "lastName",
  "email",
  "phone",
  "bio",
  "specialties",
  "publicBio",
  "qualifications",
  "hourlyRate",
  "bookingBufferMinutes",
  "isAcceptingStudents",
  "isPublic",
  "isActive",
] as const;

/**
 * A teacher's profile. The rate is typed in the studio's currency ("60" or "60.50") and sent in
 * minor units; a teacher editing their own profile sends only what they may change.
 */
export function teacherInput(form: FormData, mode: FormMode, admin: boolean, currency: string) {
  const texts = admin ? ["firstName", "lastName", "email", "phone", "bio", "publicBio", "qualifications"] : ["phone", "bio", "publicBio", "qualifications"];
  const input: Record<string, unknown> = pick(form, texts, mode);
  const specialties = field(form, "specialties")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (specialties.length || mode === "update") input.specialties = specialties;
  const buffer = field(form, "bookingBufferMinutes");
  if (buffer) input.bookingBufferMinutes = /^\d+$/.test(buffer) ? Number(buffer) : buffer;
  if (admin) {
    const rate = field(form, "hourlyRate");
    const parsed = parseMoney(rate, currency);
    // A rate that isn't money goes as typed: the API refuses it under the rate's field.
    if (rate) input.hourlyRateMinor = parsed.ok ? parsed.value : rate;
    else if (mode === "update") input.hourlyRateMinor = null;
  }
  input.isAcceptingStudents = checked(form, "isAcceptingStudents");
  input.isPublic = checked(form, "isPublic");
  if (admin && mode === "update") input.isActive = checked(form, "isActive");
  return input as { firstName: string; lastName: string } & Record<string, unknown>;
}
