import { randomUUID } from "node:crypto";

/**
 * One email as RFC 5322/2045 text for SES `SendRawEmail`: the only way to set a display name,
 * Reply-To, List-Unsubscribe headers and an iMIP part together. Every body part is base64 (no
 * line-length or 8-bit concerns), every header value that is not plain ASCII is an RFC 2047
 * encoded word, and header values never carry CR or LF (no header injection from a studio name).
 */
export interface MimeMessage {
  from: { name?: string; address: string };
  to: string;
  replyTo?: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
  /** An iCalendar object sent as `text/calendar; method=…` (iMIP, RFC 6047) and as an .ics attachment. */
  calendar?: { method: "REQUEST" | "CANCEL"; ics: string };
}

const CRLF = "\r\n";
const ASCII_PRINTABLE = /^[\x20-\x7e]*$/;

/** A header value on one line: line breaks and control characters become spaces. */
const oneLine = (value: string) => value.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();

/** RFC 2047 `=?UTF-8?B?…?=` words of at most 45 bytes of text each (lines stay under 78 columns). */
function encodedWords(value: string): string {
  const words: string[] = [];
  let chunk = "";
  for (const ch of value) {
    if (Buffer.byteLength(chunk + ch) > 45) {
      words.push(chunk);
      chunk = "";
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w).toString("base64")}?=`).join(`${CRLF} `);
}

export const headerText = (value: string) => {
  const line = oneLine(value);
  return ASCII_PRINTABLE.test(line) ? line : encodedWords(line);
};

/** `"Name" <address>` with the name quoted (or encoded) so commas and quotes in it stay a name. */
export function mailbox(name: string | undefined, address: string): string {
  const clean = oneLine(address);
  if (!name) return clean;
  const display = oneLine(name);
  const quoted = ASCII_PRINTABLE.test(display) ? `"${display.replace(/["\\]/g, "\\$&")}"` : encodedWords(display);
  return `${quoted} <${clean}>`;
}

const base64Lines = (content: string) => Buffer.from(content, "utf8").toString("base64").replace(/.{76}/g, `$&${CRLF}`);

function part(contentType: string, content: string, extra: string[] = []): string {
  return [`Content-Type: ${contentType}`, "Content-Transfer-Encoding: base64", ...extra, "", base64Lines(content)].join(CRLF);
}

function multipart(subtype: "alternative" | "mixed", parts: string[]): { contentType: string; body: string } {
  const boundary = `=_${randomUUID()}`;
  const body = [...parts.map((p) => `--${boundary}${CRLF}${p}`), `--${boundary}--`, ""].join(CRLF);
  return { contentType: `multipart/${subtype}; boundary="${boundary}"`, body };
}

/** The whole message, ready for `RawMessage.Data`. */
export function buildMime(message: MimeMessage): string {
  const domain = message.from.address.split("@")[1] ?? "studiosync.local";
  const alternatives = [part('text/plain; charset="UTF-8"', message.text), part('text/html; charset="UTF-8"', message.html)];
  if (message.calendar) alternatives.push(part(`text/calendar; charset="UTF-8"; method=${message.calendar.method}`, message.calendar.ics));
  const alternative = multipart("alternative", alternatives);
  const root = message.calendar
    ? multipart("mixed", [
        `Content-Type: ${alternative.contentType}${CRLF}${CRLF}${alternative.body}`,
        part('application/ics; name="invite.ics"', message.calendar.ics, ['Content-Disposition: attachment; filename="invite.ics"']),
      ])
    : alternative;
  const headers = [
    `From: ${mailbox(message.from.name, message.from.address)}`,
    `To: ${mailbox(undefined, message.to)}`,
    ...(message.replyTo ? [`Reply-To: ${mailbox(undefined, message.replyTo)}`] : []),
    `Subject: ${headerText(message.subject)}`,
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: <${randomUUID()}@${domain}>`,
    "MIME-Version: 1.0",
    ...Object.entries(message.headers ?? {}).map(([name, value]) => `${name}: ${oneLine(value)}`),
    `Content-Type: ${root.contentType}`,
  ];
  return `${headers.join(CRLF)}${CRLF}${CRLF}${root.body}`;
}

/** The address in a `Name <address>` (or bare address) string. */
export const addressOf = (from: string) => (/<([^>]+)>/.exec(from)?.[1] ?? from).trim();
