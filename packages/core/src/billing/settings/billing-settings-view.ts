import type { BillingSettingsView, LateFee } from "./billing-settings-schema";
import { withBillingDefaults, type BillingSettings, type BillingSettingsRecord } from "./defaults";

export type { BillingSettingsView };

/** A late fee as the API shows it: a fixed amount, or a rate of the invoice total. */
export function toLateFee(fee: BillingSettings["lateFee"]): LateFee {
  if (!fee) return null;
  return fee.kind === "fixed"
    ? { kind: "fixed" as const, amountMinor: fee.amount, afterDays: fee.afterDays }
    : { kind: "percent" as const, rateMillipercent: fee.amount, afterDays: fee.afterDays };
}

/**
 * The studio's billing settings as the API shows them (defaults filled in; `updatedAt` null while
 * the studio uses the defaults). Stripe secrets are never shown: only whether keys are set, the
 * publishable key and the last four characters of the secret key.
 */
export function toBillingSettings(record: BillingSettingsRecord | null | undefined, currency: string): BillingSettingsView {
  const s = withBillingDefaults(record);
  return {
    currency,
    taxRateMillipercent: s.taxRateMillipercent,
    taxName: s.taxName,
    paymentTermsDays: s.paymentTermsDays,
    defaultHourlyRateMinor: s.defaultHourlyRateMinor ?? null,
    lateFee: toLateFee(s.lateFee),
    dunning: { daysBefore: s.dunning.daysBefore, onDueDate: s.dunning.onDueDate, daysAfter: [...s.dunning.daysAfter] },
    paymentInstructions: s.paymentInstructions ?? null,
    invoiceFooter: s.invoiceFooter ?? null,
    autoRun: { enabled: s.autoRun.enabled, dayOfMonth: s.autoRun.dayOfMonth, period: s.autoRun.period },
    stripe: {
      configured: Boolean(s.stripe),
      publishableKey: s.stripe?.publishableKey ?? null,
      secretKeyLast4: s.stripe?.secretKeyLast4 ?? null,
    },
    updatedAt: record?.updatedAt ?? null,
  };
}
