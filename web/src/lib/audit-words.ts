/** Audit events in plain words: "student.role_changed" → "Student role changed", "api_key.created" → "API key created". */
export function auditAction(action: string): string {
  const words = action.replace(/[._]/g, " ").trim();
  return (words.charAt(0).toUpperCase() + words.slice(1)).replace(/^Api key\b/, "API key");
}

/** "primaryTeacherId" → "primary teacher"; "billingEmail" → "billing email". */
export function auditField(field: string): string {
  return field
    .replace(/Id$/, "")
    .replace(/Minor$/, "")
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase();
}

export const AUDIT_RECORD_TYPES = [
  { value: "", label: "Any record" },
  { value: "student", label: "Student" },
  { value: "family", label: "Family" },
  { value: "guardian", label: "Guardian" },
  { value: "teacher", label: "Teacher" },
  { value: "band", label: "Band" },
  { value: "member", label: "Member" },
  { value: "invitation", label: "Invitation" },
  { value: "lesson", label: "Lesson" },
  { value: "invoice", label: "Invoice" },
  { value: "payment", label: "Payment" },
] as const;
