/** Why an email did not reach someone, in the words the delivery page and the people pages use. */
export type DeliveryKind = "bounce" | "complaint" | "failed";

/** "smtp; 550 5.1.1 user unknown" → "550 5.1.1 user unknown". */
const plain = (detail: string | null | undefined) => detail?.replace(/^\s*smtp;\s*/i, "").trim() || undefined;

/** One sentence: what happened, then the receiving server's own words when there are any. */
export function deliveryWhy(kind: DeliveryKind, detail: string | null | undefined): string {
  if (kind === "complaint") return "The recipient marked our email as spam, so we stopped emailing this address.";
  if (kind === "bounce") {
    const said = plain(detail);
    return `The address does not exist (hard bounce)${said ? `: ${said}` : "."}`;
  }
  return "We couldn't send it after several tries. Later emails are tried again as usual.";
}

export const DELIVERY_LABELS: Record<DeliveryKind, string> = { bounce: "Bounced", complaint: "Marked as spam", failed: "Not sent" };

/** The warning next to a person whose address no longer gets mail. */
export function undeliverableWarning(email: string, reason: "bounce" | "complaint"): string {
  return reason === "complaint"
    ? `${email} marked our email as spam, so emails to it are no longer sent — check with them or use another address.`
    : `Emails to ${email} bounce — check the address.`;
}
