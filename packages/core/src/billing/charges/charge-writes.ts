import type { BillingTx } from "../billing-db";
import { MAX_AMOUNT_MINOR } from "../money";
import type { AccountKind } from "../accounts/billing-account.entity";

/** Any transaction whose service has the charge entity (billing's, and the services of modules that charge: lending). */
export type ChargeTx = Pick<BillingTx, "billingCharge">;

export interface NewCharge {
  studioId: string;
  chargeId: string;
  /** Who pays: a family's account, or the student's own when they have no family. */
  account: { kind: AccountKind; accountId: string };
  studentId: string;
  /** The invoice line's words ("Deposit: Violin 3/4 (serial V-1021)"). */
  description: string;
  /** Signed minor units, non-zero: negative is a credit. */
  amountMinor: number;
  /** Studio-local date it arose. */
  chargeDate: string;
  sourceType: string;
  sourceId: string;
  actorId: string;
}

/** The account a student's charges go to: their family's when they have one, else their own (as the billing run bills lessons). */
export const chargeAccountOf = (student: { studentId: string; familyId?: string | null }): NewCharge["account"] =>
  student.familyId ? { kind: "family", accountId: student.familyId } : { kind: "student", accountId: student.studentId };

/**
 * The transaction item that adds a pending charge (created on condition that its id is new, so a
 * retried request adds nothing twice). The next billing run bills it once.
 */
export function pendingChargeWrite(tx: ChargeTx, charge: NewCharge) {
  if (!Number.isSafeInteger(charge.amountMinor) || charge.amountMinor === 0 || Math.abs(charge.amountMinor) > MAX_AMOUNT_MINOR) {
    throw new RangeError(`A charge's amount must be a non-zero whole number of minor units up to ${MAX_AMOUNT_MINOR}`);
  }
  return tx.billingCharge
    .create({
      studioId: charge.studioId,
      chargeId: charge.chargeId,
      accountKind: charge.account.kind,
      accountId: charge.account.accountId,
      studentId: charge.studentId,
      description: charge.description,
      amountMinor: charge.amountMinor,
      chargeDate: charge.chargeDate,
      sourceType: charge.sourceType,
      sourceId: charge.sourceId,
      listing: "pending",
      createdBy: charge.actorId,
    })
    .commit();
}

/**
 * The transaction item that cancels a charge no run has billed yet, on condition that it is still
 * pending (a run that billed it first makes the caller's transaction fail: read again and credit
 * it instead, see `chargeState`).
 */
export const cancelChargeWrite = (tx: ChargeTx, studioId: string, chargeId: string) =>
  tx.billingCharge
    .patch({ studioId, chargeId })
    .set({ listing: "cancelled" })
    .where((a, op) => op.eq(a.listing, "pending"))
    .commit();
