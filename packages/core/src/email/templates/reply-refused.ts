import type { RenderedEmail } from "./layout";
import { escapeHtml } from "./html";

export type ReplyRefusal = "unknown" | "expired" | "sender" | "unverified" | "empty" | "too_large";

const WHY: Record<ReplyRefusal, string> = {
  unknown: "the address you wrote to is not one we recognise.",
  expired: "the address you replied to no longer takes replies. Open the conversation from a newer email, or sign in, to answer.",
  sender: "it came from an address other than the one the conversation's email was sent to. Reply from that address instead.",
  unverified: "your mail provider could not confirm it was really sent by you.",
  empty: "we found no message in it (only quoted text or a signature).",
  too_large: "its attachments are too large (at most 10 files of 10 MB each).",
};

/** The polite bounce of a reply by email that was not posted, saying why and what to do. */
export function replyRefusedMessage(input: { reason: ReplyRefusal; subject: string }): RenderedEmail {
  const lines = [
    "Hello,",
    "",
    `Your email “${input.subject || "(no subject)"}” was not added to the conversation, because ${WHY[input.reason]}`,
    "",
    "Nothing was posted. This message was sent automatically.",
  ];
  return {
    subject: `Not delivered: ${input.subject || "your reply"}`.slice(0, 200),
    text: lines.join("\n"),
    html: lines
      .filter(Boolean)
      .map((line) => `<p>${escapeHtml(line)}</p>`)
      .join(""),
    headers: { "Auto-Submitted": "auto-replied" },
  };
}
