import type { Payment } from "./payment-schema";

import type { PaymentRecord } from "./payment.entity";
export type { PaymentRecord } from "./payment.entity";
export type { Payment };

/** A payment as the API shows it: what came in, where it went, and what was given back. */
export function toPayment(record: PaymentRecord): Payment {
  return {
    id: record.paymentId,
    studioId: record.studioId,
    accountId: record.accountId,
    amountMinor: record.amountMinor,
    currency: record.currency,
    method: record.method,
    source: record.source,
    status: record.status,
    receivedAt: record.receivedAt,
    reference: record.reference ?? null,
    notes: record.notes ?? null,
    allocations: record.allocations.map((a) => ({ invoiceId: a.invoiceId, amountMinor: a.amountMinor })),
    unallocatedMinor: record.unallocatedMinor,
    refundedMinor: record.refundedMinor,
    refundableMinor: record.amountMinor - record.refundedMinor,
    refunds: (record.refunds ?? []).map((r) => ({
      id: r.refundId,
      amountMinor: r.amountMinor,
      reason: r.reason,
      at: r.at,
      actorId: r.actorId,
      stripeRefundId: r.stripeRefundId ?? null,
    })),
    stripePaymentIntentId: record.stripePaymentIntentId ?? null,
    recordedBy: record.recordedBy ?? null,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}
