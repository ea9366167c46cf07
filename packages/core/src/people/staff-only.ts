/**
 * The fields only staff read: the studio's own notes about a person and a student's medical notes.
 * A student, a parent (and anyone else not staff) never sees them — not in the API's views
 * (students, families) and not in a privacy export they request. One definition for both.
 */
export const STAFF_ONLY_FIELDS = {
  student: ["notes", "medicalNotes"],
  family: ["notes"],
} as const;
export type StaffOnlyKind = keyof typeof STAFF_ONLY_FIELDS;

/** The view (or record) without its staff-only fields unless `staff`. */
export function withStaffOnly<T extends object>(kind: StaffOnlyKind, view: T, staff: boolean): T {
  if (staff) return view;
  const hidden = new Set<string>(STAFF_ONLY_FIELDS[kind]);
  return Object.fromEntries(Object.entries(view).filter(([field]) => !hidden.has(field))) as T;
}
