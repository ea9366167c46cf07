import { recordAudit } from "../../audit";
import { commitWritesOr, rejectedAs } from "../../kernel/db/commit-writes";
import { AppError } from "../../kernel/errors";
import { assertMay, loadMemberWith, type Actor } from "../../policy";
import { billingDb } from "../billing-db";
import { sealSecret } from "../stripe/secret-box";
import { toBillingSettings, type BillingSettingsView } from "./billing-settings-view";
import { withBillingDefaults, type BillingSettings, type BillingSettingsRecord } from "./defaults";
import { billingSettingsRead } from "./read-settings";
import type { BillingSettingsInput } from "./schemas";

/** The job index value of a monthly run: "01"…"28" when on, "off" otherwise. */
export const autoRunDayOf = (autoRun: BillingSettings["autoRun"]) => (autoRun.enabled ? String(autoRun.dayOfMonth).padStart(2, "0") : "off");

/** `undefined` keeps the current value, `null` clears it, anything else replaces it. */
const pick = <T>(given: T | null | undefined, current: T | undefined): T | undefined => (given === undefined ? current : (given ?? undefined));
/** Empty text clears, like null. */
const pickText = (given: string | null | undefined, current: string | undefined) => pick(given === "" ? null : given, current) || undefined;

function lateFeeOf(input: BillingSettingsInput["lateFee"], current: BillingSettings["lateFee"]): BillingSettings["lateFee"] {
  if (input === undefined) return current;
  if (input === null) return undefined;
  return input.kind === "fixed"
    ? { kind: "fixed", amount: input.amountMinor, afterDays: input.afterDays }
    : { kind: "percent", amount: input.rateMillipercent, afterDays: input.afterDays };
}

function stripeOf(studioId: string, input: BillingSettingsInput["stripe"], current: BillingSettings["stripe"]): BillingSettings["stripe"] {
  if (input === undefined) return current;
  if (input === null) return undefined;
  return {
    publishableKey: input.publishableKey,
    secretKeyCipher: sealSecret(input.secretKey, studioId),
    webhookSecretCipher: sealSecret(input.webhookSecret, studioId),
    secretKeyLast4: input.secretKey.slice(-4),
  };
}

/**
 * Changes the studio's billing settings (admins). Fields left out keep their value; `null`
 * clears an optional one. Stripe secrets are sealed (AES-256-GCM, stripe/secret-box.ts) before
 * they are stored, and never returned. Turning the monthly run on or off sets its job index
 * (`autoRunDay`). New values apply to what is drafted, sent or reminded from now on: issued
 * invoices keep their tax, terms and due dates. Audited (without secrets) in the same transaction.
 */
export async function setBillingSettings(actor: Actor, studioId: string, input: BillingSettingsInput): Promise<BillingSettingsView> {
  for (let attempt = 1; ; attempt++) {
    const saved = await saveSettings(actor, studioId, input);
    if (saved) return saved;
    if (attempt >= 5) throw new AppError("billing_settings.busy", "The billing settings are being changed by someone else; try again");
  }
}

/** One read-merge-write; null when another change landed between the read and the write. */
async function saveSettings(actor: Actor, studioId: string, input: BillingSettingsInput): Promise<BillingSettingsView | null> {
  const { member, studio, records } = await loadMemberWith(actor, studioId, billingSettingsRead(studioId));
  assertMay(member, "billing-settings.manage");
  const previous = records[0];
  const current = withBillingDefaults(previous);
  const now = new Date().toISOString();
  const autoRun = input.autoRun ?? current.autoRun;
  const next: BillingSettingsRecord = {
    studioId,
    taxRateMillipercent: input.taxRateMillipercent ?? current.taxRateMillipercent,
    taxName: input.taxName ?? current.taxName,
    paymentTermsDays: input.paymentTermsDays ?? current.paymentTermsDays,
    defaultHourlyRateMinor: pick(input.defaultHourlyRateMinor, current.defaultHourlyRateMinor),
    lateFee: lateFeeOf(input.lateFee, current.lateFee),
    dunning: input.dunning ?? current.dunning,
    paymentInstructions: pickText(input.paymentInstructions, current.paymentInstructions),
    invoiceFooter: pickText(input.invoiceFooter, current.invoiceFooter),
    autoRun,
    autoRunDay: autoRunDayOf(autoRun),
    stripe: stripeOf(studioId, input.stripe, current.stripe),
    updatedBy: actor.userId,
    createdAt: previous?.createdAt ?? now,
    updatedAt: now,
  };
  for (const key of Object.keys(next) as (keyof BillingSettingsRecord)[]) if (next[key] === undefined) delete next[key];

  const rejected = await commitWritesOr(billingDb, (tx) => [
    rejectedAs(
      tx.billingSettings
        .put(next)
        .where((a, op) => (previous ? op.eq(a.updatedAt, previous.updatedAt) : op.notExists(a.updatedAt)))
        .commit(),
      "changed",
    ),
    recordAudit(tx, {
      studioId,
      actorId: actor.userId,
      action: "billingSettings.updated",
      entityType: "billingSettings",
      entityId: studioId,
      before: toBillingSettings(previous, studio.currency) as never,
      after: toBillingSettings(next, studio.currency) as never,
    }),
  ]);
  if (rejected) return null;
  return toBillingSettings(next, studio.currency);
}
