import { PERSONAL_FIELDS } from "./anonymise";
import { rewriteAuditEvents } from "./rewrite-audit";
import type { SubjectType } from "./schemas";

/** Fields of a person's record whose old values an erasure removes from the audit log too. */
const IN_AUDIT = (type: SubjectType) => new Set<string>(["firstName", "lastName", "nameKey", "emailKey", ...PERSONAL_FIELDS[type]]);
const ERASED = "[erased]";

const redact = (value: unknown) => (value === null || value === undefined ? null : ERASED);

/**
 * After an erasure, the record's earlier audit events (its creation, its edits) would still hold
 * the old name, email and so on. This rewrites their personal values to "[erased]", keeping who
 * changed which field when. Idempotent: erasing again finishes anything a failure left.
 */
export async function redactAuditHistory(studioId: string, type: SubjectType, entityId: string): Promise<number> {
  const fields = IN_AUDIT(type);
  return rewriteAuditEvents(studioId, type, entityId, (changes) => {
    const personal = Object.keys(changes).filter(
      (field) => fields.has(field) && [changes[field]!.before, changes[field]!.after].some((v) => v !== null && v !== ERASED),
    );
    if (personal.length === 0) return null;
    const redacted = { ...changes };
    for (const field of personal) redacted[field] = { before: redact(changes[field]!.before), after: redact(changes[field]!.after) };
    return redacted;
  });
}
