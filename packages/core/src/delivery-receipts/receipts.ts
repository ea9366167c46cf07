import { isConditionalFailure } from "../kernel/db/conditional-failure";
import type { ReceiptRef, ReceiptStatus } from "./delivery-receipt.entity";
import { deliveryReceiptsDb } from "./delivery-receipts-db";

/**
 * The header a tracked mailing's email carries naming its receipt (next to MESSAGE_HEADER, which
 * names the scope), so SES's delivery, bounce, complaint and open events update it. Both parts
 * are URI-encoded and split at the one "/".
 */
export const RECEIPT_HEADER = "X-StudioSync-Receipt";

export const receiptHeaderValue = ({ mailing, recipient }: Omit<ReceiptRef, "scope">) => `${encodeURIComponent(mailing)}/${encodeURIComponent(recipient)}`;

/** The mailing and recipient a header value names, or null for anything else. */
export function readReceiptHeader(value: string | undefined): Omit<ReceiptRef, "scope"> | null {
  const match = /^([^/\s]+)\/(\S+)$/.exec(value?.trim() ?? "");
  if (!match) return null;
  try {
    return { mailing: decodeURIComponent(match[1]!), recipient: decodeURIComponent(match[2]!) };
  } catch {
    return null;
  }
}

/** What an event can make of a receipt, and the statuses it may follow (events arrive out of order; none goes backwards). */
export type ReceiptEvent = "sent" | "delivered" | "bounced" | "complained" | "failed" | "suppressed" | "opened";
const FOLLOWS: Record<Exclude<ReceiptEvent, "opened">, ReceiptStatus[]> = {
  sent: ["queued"],
  delivered: ["queued", "sent"],
  bounced: ["queued", "sent", "delivered"],
  complained: ["queued", "sent", "delivered"],
  failed: ["queued", "sent"],
  suppressed: ["queued", "sent"],
};
const STAMP: Partial<Record<ReceiptEvent, "sentAt" | "deliveredAt">> = { sent: "sentAt", delivered: "deliveredAt" };

/**
 * Records an event of one recipient's copy: the status moves forward only (a late Delivery after a
 * Complaint changes nothing), an open stamps `openedAt` once. A receipt that is gone or already
 * past the event is left as it is. Returns whether it changed.
 */
export async function markReceipt(ref: ReceiptRef, event: ReceiptEvent, at: Date, detail?: string): Promise<boolean> {
  const { deliveryReceipt } = deliveryReceiptsDb().entities;
  try {
    if (event === "opened") {
      await deliveryReceipt
        .patch(ref)
        .set({ openedAt: at.toISOString() })
        .where((a, op) => op.notExists(a.openedAt))
        .go();
      return true;
    }
    const changes: { status: ReceiptStatus; sentAt?: string; deliveredAt?: string; detail?: string } = { status: event };
    const stamp = STAMP[event];
    if (stamp === "sentAt" || stamp === "deliveredAt") changes[stamp] = at.toISOString();
    if (detail) changes.detail = detail.slice(0, 300);
    await deliveryReceipt
      .patch(ref)
      .set(changes)
      .where((a, op) => FOLLOWS[event].map((status) => op.eq(a.status, status)).join(" OR "))
      .go();
    return true;
  } catch (error) {
    if (isConditionalFailure(error)) return false;
    throw error;
  }
}
