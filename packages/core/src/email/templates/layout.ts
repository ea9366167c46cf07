import { escapeHtml } from "./html";

/**
 * A rendered email. Templates give the content (`html` is the body's content, not a document);
 * `frameEmail` (email/frame.ts) puts it in the studio's frame when the message is enqueued.
 */
export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
  /** Display name of the sender: "Harmony House via StudioSync". */
  fromName?: string;
  replyTo?: string;
  /** Extra headers (List-Unsubscribe, List-Unsubscribe-Post). */
  headers?: Record<string, string>;
  /** An iMIP calendar object (RFC 6047) sent with the message. */
  calendar?: { method: "REQUEST" | "CANCEL"; ics: string };
}

export interface EmailLink {
  label: string;
  url: string;
}

interface ActionEmail {
  subject: string;
  greeting: string;
  paragraphs: string[];
  action: EmailLink;
  /** Further choices under the main one ("Can't make it?", "Ask to move it"). */
  links?: EmailLink[];
  footer: string;
  /** Non-essential mail: the link that stops this kind (with its List-Unsubscribe headers, notifications/). */
  unsubscribe?: EmailLink;
}

const BUTTON = "display:inline-block;background:#1f2933;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:600";
const SECONDARY = "display:inline-block;border:1px solid #1f2933;color:#1f2933;padding:10px 16px;border-radius:6px;text-decoration:none;margin:0 8px 8px 0";
const SMALL = "font-size:13px;color:#52606d";

/** Every transactional email: one call to action (and its alternatives), the same words in the text and the HTML part. */
export function renderActionEmail(email: ActionEmail): RenderedEmail {
  const links = email.links ?? [];
  const text = [
    email.greeting,
    "",
    ...email.paragraphs.flatMap((p) => [p, ""]),
    `${email.action.label}: ${email.action.url}`,
    ...links.map((link) => `${link.label}: ${link.url}`),
    "",
    email.footer,
    ...(email.unsubscribe ? ["", `${email.unsubscribe.label}: ${email.unsubscribe.url}`] : []),
  ].join("\n");
  const paragraphs = email.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("");
  const url = escapeHtml(email.action.url);
  const secondary = links.length
    ? `<p>${links.map((link) => `<a href="${escapeHtml(link.url)}" style="${SECONDARY}">${escapeHtml(link.label)}</a>`).join("")}</p>`
    : "";
  const html = `<p>${escapeHtml(email.greeting)}</p>${paragraphs}
<p><a href="${url}" style="${BUTTON}">${escapeHtml(email.action.label)}</a></p>${secondary}
<p style="${SMALL}">Or paste this link into your browser: <span style="word-break:break-all">${url}</span></p>
<p style="${SMALL}">${escapeHtml(email.footer)}</p>${
    email.unsubscribe
      ? `<p style="${SMALL}"><a href="${escapeHtml(email.unsubscribe.url)}" style="color:#52606d">${escapeHtml(email.unsubscribe.label)}</a></p>`
      : ""
  }`;
  return { subject: email.subject, text, html };
}
