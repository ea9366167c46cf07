import { MAX_AMOUNT_MINOR, percentOf } from "../money";
import type { BillingSettings } from "../settings/defaults";
import { daysAfterDue, type DunningStepName } from "./steps";

/**
 * The late fee a dunning step adds to an invoice, once: the studio charges one (fixed, or a
 * percentage of the invoice total rounded half up), this is an "after-N" step with N at least the
 * fee's `afterDays`, and the invoice has none yet. Otherwise 0.
 */
export function lateFeeDue(
  invoice: { totalMinor: number; lateFeeAppliedAt?: string | null },
  settings: Pick<BillingSettings, "lateFee">,
  step: DunningStepName,
): number {
  const fee = settings.lateFee;
  const days = daysAfterDue(step);
  if (!fee || invoice.lateFeeAppliedAt || days === undefined || days < fee.afterDays) return 0;
  const amount = fee.kind === "fixed" ? fee.amount : percentOf(invoice.totalMinor, fee.amount);
  return Math.max(0, Math.min(amount, MAX_AMOUNT_MINOR));
}
