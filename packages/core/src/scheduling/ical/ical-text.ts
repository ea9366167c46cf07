/**
 * The text rules of RFC 5545 §3.1–3.3: TEXT escaping, line folding at 75 octets, CRLF line ends
 * and the DATE-TIME forms ("20261122T160000" local, "20261122T210000Z" UTC).
 */

/** A TEXT value: backslash, semicolon, comma and line breaks escaped (§3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

const encoder = new TextEncoder();
const MAX_OCTETS = 75;

/**
 * Folds one content line into lines of at most 75 octets (UTF-8), each continuation starting
 * with one space (§3.1). A multi-byte character is never split.
 */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= MAX_OCTETS) return line;
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // A continuation line's leading space counts towards its 75 octets.
    const limit = parts.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

/** Content lines → the iCalendar stream: folded, CRLF after every line (the last included). */
export const joinLines = (lines: string[]) => lines.map(foldLine).join("\r\n") + "\r\n";

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The UTC fields of a Date as a DATE-TIME without the "Z" ("20261122T160000"). */
export const floatingStamp = (date: Date) =>
  `${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}`;

/** An instant as a UTC DATE-TIME ("20261122T210000Z"). */
export const utcStamp = (instant: Date | string) => `${floatingStamp(new Date(instant))}Z`;

/** A UTC offset in minutes as a UTC-OFFSET value ("-0500", "+0100", "+0530"). */
export function offsetValue(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}
