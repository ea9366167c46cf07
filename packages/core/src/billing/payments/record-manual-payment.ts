import { recordAudit } from "../../audit";
import { partyReads } from "../accounts/billing-contacts";
import { itemOf } from "../../kernel/db/read-together";
import { invalidField, notFound } from "../../kernel/errors";
import { assertMay, loadMemberWith, type Actor } from "../../policy";
import { billingDb } from "../billing-db";
import type { Payment } from "./payment-view";
import { recordPayment } from "./record-payment";
import type { RecordPaymentRequest } from "./schemas";

/**
 * Staff record money received outside Stripe — cash, check, bank transfer, card on a terminal,
 * other — with who recorded it and when it was received (admins; not in the future). A given
 * invoice must be an issued, not void, invoice of the account: it is paid first, the rest goes to
 * the account's other open invoices oldest due first, then to account credit (`recordPayment`).
 * Audited in the payment's transaction; the billing contacts get a receipt. The account, the
 * invoice and the account's party are read with the membership, and the payment's first attempt
 * starts from those reads.
 */
export async function recordManualPayment(actor: Actor, studioId: string, input: RecordPaymentRequest, now = new Date()): Promise<Payment> {
  const { billingAccount, invoice: invoices } = billingDb().entities;
  const { member, studio, records } = await loadMemberWith(
    actor,
    studioId,
    itemOf(billingAccount, { studioId, accountId: input.accountId }),
    itemOf(invoices, { studioId, invoiceId: input.invoiceId ?? "-" }),
    ...partyReads(studioId, input.accountId),
  );
  assertMay(member, "payment.record");
  const [account, invoice, ...party] = records;
  if (!account) throw notFound("Billing account");
  const receivedAt = input.receivedAt ?? now.toISOString();
  if (Date.parse(receivedAt) > now.getTime()) throw invalidField("receivedAt", "must not be in the future");
  if (input.invoiceId) {
    if (!invoice || invoice.accountId !== input.accountId) throw invalidField("invoiceId", "is not an invoice of this account");
    if (invoice.status === "draft") throw invalidField("invoiceId", "is a draft: send it before recording a payment for it");
    if (invoice.status === "void") throw invalidField("invoiceId", "is void");
  }
  return recordPayment(studioId, {
    accountId: input.accountId,
    amountMinor: input.amountMinor,
    method: input.method,
    source: "manual",
    invoiceId: input.invoiceId,
    receivedAt,
    reference: input.reference || undefined,
    notes: input.notes || undefined,
    recordedBy: actor.userId,
    now,
    read: { studio, account, party },
    extraWrites: (tx, payment) => [
      recordAudit(tx, { studioId, actorId: actor.userId, action: "payment.recorded", entityType: "payment", entityId: payment.paymentId, after: payment }),
    ],
  });
}
