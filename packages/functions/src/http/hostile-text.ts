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

/** A path as a linked list, so walking a deeply nested body never copies paths. */
interface PathNode {
  parent?: PathNode;
  key: string;
}
const pathOf = (node?: PathNode): string => {
  const keys: string[] = [];
  for (let n = node; n; n = n.parent) keys.push(n.key);
  return keys.reverse().join(".") || "body";
};

/**
 * Every string (value or object key) in a parsed request part that holds hostile text, by dotted
 * path. Iterative, so a deeply nested body cannot exhaust the stack.
 */
export function findHostileText(root: unknown): FieldError[] {
  const found: FieldError[] = [];
  const stack: Array<{ value: unknown; path?: PathNode }> = [{ value: root }];
  while (stack.length && found.length < MAX_ERRORS) {
    const { value, path } = stack.pop()!;
    if (typeof value === "string") {
      const reason = hostileTextReason(value);
      if (reason) found.push({ path: pathOf(path), message: reason });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push({ value: item, path: { parent: path, key: String(index) } }));
    } else if (value && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) {
        const reason = hostileTextReason(key);
        // JSON.stringify escapes the bad characters, so the path in the answer is safe to show.
        if (reason)
          found.push({ path: pathOf({ parent: path, key: JSON.stringify(key).slice(1, -1) }), message: `is not a valid field name: it ${reason.slice(5)}` });
        else stack.push({ value: item, path: { parent: path, key } });
      }
    }
  }
  return found.sort((a, b) => a.path.localeCompare(b.path));
}
