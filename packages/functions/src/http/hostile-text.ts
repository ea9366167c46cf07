import type { FieldError } from "@studiosync/core";

/**
 * Text no field may hold: NUL and the other C0 controls (tab, line feed and carriage return
 * stay allowed for multi-line text), DEL, and UTF-16 surrogates that are not part of a pair —
 * they break email rendering, CSV exports and every system that expects well-formed Unicode.
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `text` is refused, or null when it is fine. */
export function hostileTextReason(text: string): string | null {
  if (CONTROL.test(text)) return "must not contain control characters (NUL and the like)";
  if (LONE_SURROGATE.test(text)) return "must be well-formed Unicode (no lone surrogates)";
  return null;
}

const MAX_ERRORS = 20;

/** Every string (value or object key) in a parsed request part that holds hostile text, by dotted path. */
export function findHostileText(value: unknown, path: string[] = [], found: FieldError[] = []): FieldError[] {
  if (found.length >= MAX_ERRORS) return found;
  const where = () => path.join(".") || "body";
  if (typeof value === "string") {
    const reason = hostileTextReason(value);
    if (reason) found.push({ path: where(), message: reason });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => findHostileText(item, [...path, String(index)], found));
  } else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const reason = hostileTextReason(key);
      if (reason) found.push({ path: [...path, JSON.stringify(key).slice(1, -1)].join("."), message: `is not a valid field name: it ${reason.slice(5)}` });
      else findHostileText(item, [...path, key], found);
    }
  }
  return found;
}
