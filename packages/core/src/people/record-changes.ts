/**
 * Splits a validated PATCH body into attributes to set and attributes to remove: `null` and ""
 * clear a field (DynamoDB stores no empty strings), `undefined` leaves it alone.
 */
export function splitChanges<T extends Record<string, unknown>>(input: T) {
  const set: Record<string, unknown> = {};
  const remove: string[] = [];
  for (const [field, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if (value === null || value === "") remove.push(field);
    else set[field] = value;
  }
  return { set, remove };
}

/** The record as it will be after the change (for the response and the audit diff). */
export function applyChanges<R extends object>(record: R, set: Record<string, unknown>, remove: string[], now: string): R {
  const next: Record<string, unknown> = { ...record, ...set, updatedAt: now };
  for (const field of remove) delete next[field];
  return next as R;
}

/** A create body without the null/"" fields. */
export const withoutEmpty = <T extends Record<string, unknown>>(input: T) => splitChanges(input).set as { [K in keyof T]?: Exclude<T[K], null> };
