/** Control characters, line and paragraph separators, and bidirectional overrides/isolates. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export const SUBJECT_NAME_MAX = 40;

/**
 * Free text a customer typed (a studio's or a student's name) as it may appear in a subject line:
 * no control or direction characters, whitespace collapsed, at most `max` characters, and quoted
 * so it reads as a name the sender chose, not as words from StudioSync.
 */
export const quotedName = (text: string, max = SUBJECT_NAME_MAX) => `“${subjectText(text, max)}”`;

/** The same without the quotes, for names whose place in the subject already attributes them. */
export function subjectText(text: string, max = SUBJECT_NAME_MAX): string {
  const clean = text.replace(UNSAFE, " ").replace(/\s+/g, " ").trim();
  const chars = Array.from(clean);
  return chars.length > max
    ? `${chars
        .slice(0, max - 1)
        .join("")
        .trimEnd()}…`
    : clean;
}
