import type { SubjectType } from "./schemas";

/** What an erased person is called from then on; their record stays (and any amounts tied to it). */
export const ERASED_NAME = { firstName: "Erased", lastName: "Person" } as const;

/**
 * The personal fields erasure removes, per record type. Kept: ids, links (teacher, family, user),
 * instrument and level, dates of enrolment, rates and status — what lessons and invoices need.
 * `importHash` is derived from the imported row's personal data, so it goes too.
 */
export const PERSONAL_FIELDS = {
  student: ["email", "phone", "dateOfBirth", "emergencyContactName", "emergencyContactPhone", "medicalNotes", "notes", "importHash"],
  teacher: ["email", "phone", "bio", "publicBio", "qualifications", "photoKey", "importHash"],
  guardian: ["email", "phone", "address", "importHash"],
} as const satisfies Record<SubjectType, readonly string[]>;

/** The fields of `record` erasure changes (those with a value), for the response and the audit event. */
export function erasedFields(type: SubjectType, record: Record<string, unknown>): string[] {
  const named = ["firstName", "lastName"].filter((field) => record[field] !== ERASED_NAME[field as keyof typeof ERASED_NAME]);
  const personal = PERSONAL_FIELDS[type].filter((field) => record[field] !== undefined && record[field] !== null);
  const unpublished = type === "teacher" && record.isPublic === true ? ["isPublic"] : [];
  return [...named, ...personal, ...unpublished];
}

/**
 * The audit event's before/after: which fields were erased, never their old values (a "[erased]"
 * marker instead), so the log does not keep what the erasure removed.
 */
export function erasureAuditTrail(fields: string[]) {
  const before = Object.fromEntries(fields.map((field) => [field, field === "isPublic" ? true : "[erased]"]));
  const after = Object.fromEntries(
    fields.map((field) => [field, field in ERASED_NAME ? ERASED_NAME[field as keyof typeof ERASED_NAME] : field === "isPublic" ? false : null]),
  );
  return { before, after };
}
