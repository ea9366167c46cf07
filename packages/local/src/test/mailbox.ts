/** Reads what SES local received (GET <SES_ENDPOINT>/store). The store is global: filter by recipient. */
export interface SentMail {
  messageId: string;
  /** `"Studio via StudioSync" <no-reply@…>` */
  from: string;
  replyTo: string[];
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { text?: string; html?: string };
  /** Base64 content; an iMIP part arrives as one with contentType "text/calendar". */
  attachments: { content: string; contentType: string; filename?: string }[];
  /** The headers as sent (packages/local/src/engines/ses-local.ts keeps them). */
  headers?: { name: string; value: string }[];
  /** Epoch seconds. */
  at: number;
}

/**
 * How long a test waits for mail by default: the outbox sends right after the commit, but on a
 * loaded 2-core CI box (two test workers, DynamoDB Local's JVM, Chromium) the stream poller can
 * lag many seconds behind (a CI run once missed a sign-up email by 20 s). Waiting returns as soon
 * as the mail is there, so a generous limit costs nothing when all is well.
 */
const MAIL_WAIT_MS = 60_000;

export interface ReadMailOptions {
  /** Wait until at least this many messages arrived for the recipient (default 1). */
  count?: number;
  /** Only messages whose subject contains this text. */
  subject?: string | RegExp;
  /** Only messages sent at or after this epoch second (keeps polling cheap when the store is big). */
  since?: number;
  timeoutMs?: number;
  sesEndpoint?: string;
}

/** Messages sent to `to` (To, Cc or Bcc), oldest first; polls until `count` arrived or times out. */
export async function readMail(to: string, options: ReadMailOptions = {}): Promise<SentMail[]> {
  const { count = 1, subject, since, timeoutMs = MAIL_WAIT_MS } = options;
  const endpoint = options.sesEndpoint ?? process.env.SES_ENDPOINT;
  if (!endpoint) throw new Error("SES_ENDPOINT is not set; is the local test setup active?");
  const address = to.toLowerCase();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(`${endpoint}/store${since === undefined ? "" : `?since=${Math.floor(since)}`}`);
    if (!response.ok) throw new Error(`SES local store answered ${response.status}`);
    const { emails } = (await response.json()) as { emails: SentMail[] };
    const found = emails
      .filter((mail) => recipients(mail).some((r) => extractAddress(r) === address))
      .filter((mail) => matches(mail.subject, subject))
      .sort((a, b) => a.at - b.at);
    if (found.length >= count) return found;
    if (Date.now() > deadline) {
      throw new Error(`Expected ${count} mail(s) to ${to}${subject ? ` about ${subject}` : ""}, got ${found.length}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The first message to `to` for which `pick` returns something, and that something: polls until
 * it arrives (the outbox sends mail just after the commit, so earlier messages may be there first).
 */
export async function awaitMail<T>(to: string, pick: (mail: SentMail) => T | undefined, options: Omit<ReadMailOptions, "count"> = {}): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? MAIL_WAIT_MS);
  for (;;) {
    const mails = await readMail(to, { ...options, count: 0 });
    for (const mail of mails) {
      const found = pick(mail);
      if (found !== undefined) return found;
    }
    if (Date.now() > deadline) throw new Error(`No mail to ${to} matched (of ${mails.length} received)`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A header of a sent message, case-insensitive by name. */
export const headerOf = (mail: SentMail, name: string) => mail.headers?.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value;

/** The first absolute URL in `text` whose path starts with `pathPrefix` (e.g. "/verify-email"). */
export function extractLink(text: string, pathPrefix: string): string {
  for (const [candidate] of text.matchAll(/https?:\/\/[^\s"'<>]+/g)) {
    const url = new URL(candidate.replace(/&amp;/g, "&").replace(/[.,;:)\]]+$/, ""));
    if (url.pathname.startsWith(pathPrefix)) return url.toString();
  }
  throw new Error(`No link to ${pathPrefix} in:\n${text}`);
}

function recipients(mail: SentMail): string[] {
  const { to = [], cc = [], bcc = [] } = mail.destination ?? {};
  return [...to, ...cc, ...bcc];
}

/** "Ann <ann@example.com>" → "ann@example.com". */
function extractAddress(recipient: string): string {
  return (/<([^>]+)>/.exec(recipient)?.[1] ?? recipient).trim().toLowerCase();
}

function matches(subject: string, wanted: string | RegExp | undefined): boolean {
  if (wanted === undefined) return true;
  return typeof wanted === "string" ? subject.includes(wanted) : wanted.test(subject);
}
