import { outboxEmails } from "../../outbox";
import { reminderEmails, type DoneStep } from "./reminder-emails";
import { commitWrites, failsWith } from "../../kernel/db/commit-writes";
import { itemOf, readTogether } from "../../kernel/db/read-together";
import { dueWords } from "../../email";
import { addDays, daysBetween, localParts, zonedInstant } from "../../kernel/time/wall-clock";
import { billingContacts } from "../accounts/billing-contacts";
import { AccountRace, postingWrites, withAccountRetry } from "../accounts/post-to-ledger";
import { billingDb } from "../billing-db";
import { statusFields } from "../invoices/invoice-state";
import type { InvoiceRecord } from "../invoices/invoice-view";
import { formatMoney } from "../money";
import { withBillingDefaults } from "../settings/defaults";
import { lateFeeDue } from "./late-fee";
import { dueDunningStep, nextDunningStep } from "./steps";

/** Reminders go out from this local time of their day on, not at midnight. */
export const REMIND_FROM = "09:00";

/** A DunningDue item: an open invoice's pending step, in the bucket of its local date. */
export interface DunningDueItem {
  day: string;
  studioId: string;
  invoiceId: string;
  step: string;
}

/** A step done and committed, with what its reminder email said and to whom. */
export type PerformedStep = { outcome: "performed" } & DoneStep;

export type StepResult =
  | PerformedStep
  /** The item was stale (invoice paid, void, rescheduled or gone) and is dropped. */
  | { outcome: "dropped" }
  /** The item's day (from REMIND_FROM) has not begun in the studio's time zone yet. */
  | { outcome: "waiting" }
  /** The pending step was done already (nothing to send); the invoice moved on to its next step. */
  | { outcome: "moved" };

/**
 * Does one due dunning step of one invoice, in ONE transaction that is conditional on the
 * invoice still being open, still waiting for exactly this step (its nextDunningDay/Step), with
 * the amounts that were read and without the step in its `dunningSteps`, so a step is done once
 * however many job runs race: the step is appended to `dunningSteps` and `history`; the status is
 * recomputed (sent/partial → overdue); a late fee (once, see `lateFeeDue`) raises the invoice and
 * posts a `late_fee` ledger entry; the DunningDue item moves to the invoice's next step (or goes).
 * A step waits for REMIND_FROM on its local day; a job reaching a step late does the latest step
 * due by today instead (see `dueDunningStep`).
 * The reminder emails to the billing contacts are enqueued in the same transaction (outbox).
 */
export function performDunningStep(item: DunningDueItem, now: Date): Promise<StepResult> {
  return withAccountRetry(() => attempt(item, now));
}

async function attempt(item: DunningDueItem, now: Date): Promise<StepResult> {
  const { studioId, invoiceId } = item;
  const { invoice, studio, billingSettings, billingAccount, dunningDue } = billingDb().entities;
  const [record, studioRecord, settingsRecord] = await readTogether(
    itemOf(invoice, { studioId, invoiceId }),
    itemOf(studio, { studioId }),
    itemOf(billingSettings, { studioId }),
  );
  const pending = record && record.listState === "open" && record.nextDunningDay === item.day && record.nextDunningStep === item.step;
  if (!record || !pending || !studioRecord || studioRecord.deletedAt) {
    await dunningDue.delete({ day: item.day, studioId, invoiceId }).go();
    return { outcome: "dropped" };
  }
  const today = localParts(now, studioRecord.timeZone).date;
  if (item.day > today || (item.day === today && now < zonedInstant(today, REMIND_FROM, studioRecord.timeZone))) return { outcome: "waiting" };

  const settings = withBillingDefaults(settingsRecord);
  const step = dueDunningStep(record, settings, { step: item.step, day: item.day }, today);
  const stepsDone = [...(record.dunningSteps ?? []), ...(step ? [step.step] : [])];
  const next = nextDunningStep({ ...record, dunningSteps: stepsDone }, settings, { after: step?.step ?? item.step, from: addDays(today, 1) });
  const [account] = await readTogether(itemOf(billingAccount, { studioId, accountId: record.accountId }));
  if (!account) throw new Error(`Billing account ${studioId}/${record.accountId} of invoice ${invoiceId} is missing`);
  const fee = step ? lateFeeDue(record, settings, step.step) : 0;
  const contacts = step ? await billingContacts(account) : [];

  const stamp = now.toISOString();
  const amounts = { ...record, lateFeeMinor: record.lateFeeMinor + fee };
  const status = statusFields(amounts, today);
  const history: Array<{ at: string; event: string; detail: string }> = [];
  if (fee > 0) {
    const late = daysBetween(record.dueDate, today);
    history.push({
      at: stamp,
      event: "late_fee",
      detail: `Late fee of ${formatMoney(fee, record.currency, studioRecord.country)} added (${late} ${late === 1 ? "day" : "days"} after the due date)`,
    });
  }
  if (step) {
    const when = dueWords(daysBetween(today, record.dueDate));
    const to = contacts.map((c) => c.email).join(", ");
    history.push({
      at: stamp,
      event: "reminder",
      detail: to ? `Reminder (${when}) emailed to ${to}` : `Reminder (${when}) not emailed: the account has no billing contact with an email`,
    });
  }

  const feePostings =
    fee > 0 ? [{ type: "late_fee" as const, amountMinor: fee, description: `Late fee on invoice ${record.number ?? invoiceId}`, invoiceId }] : [];
  const invoiceAfter: InvoiceRecord = {
    ...record,
    ...status,
    lateFeeMinor: amounts.lateFeeMinor,
    ...(fee > 0 ? { lateFeeAppliedAt: stamp } : {}),
    nextDunningDay: next?.day,
    nextDunningStep: next?.step,
    dunningSteps: stepsDone,
    history: [...(record.history ?? []), ...history],
  };
  const performed = step ? { step, invoice: invoiceAfter, studio: studioRecord, settings, contacts, today, lateFeeAddedMinor: fee } : undefined;
  const emails = performed ? reminderEmails(performed, now) : [];
  // The account (when there is a fee) or the invoice changed since the read: read again.
  await commitWrites(billingDb, (tx) => {
    const update = tx.invoice
      .patch({ studioId, invoiceId })
      .set({
        ...status,
        lateFeeMinor: amounts.lateFeeMinor,
        ...(fee > 0 ? { lateFeeAppliedAt: stamp } : {}),
        ...(next ? { nextDunningDay: next.day, nextDunningStep: next.step } : {}),
        updatedAt: stamp,
      })
      .append(step ? { dunningSteps: [step.step], history } : { history });
    const conditioned = (next ? update : update.remove(["nextDunningDay", "nextDunningStep"])).where((a, op) =>
      [
        op.eq(a.listState, "open"),
        op.eq(a.nextDunningDay, item.day),
        op.eq(a.nextDunningStep, item.step),
        op.eq(a.amountPaidMinor, record.amountPaidMinor),
        op.eq(a.creditedMinor, record.creditedMinor),
        op.eq(a.lateFeeMinor, record.lateFeeMinor),
        ...(step ? [op.notContains(a.dunningSteps, step.step)] : []),
        ...(fee > 0 ? [op.notExists(a.lateFeeAppliedAt)] : []),
      ].join(" AND "),
    );
    return [
      ...(fee > 0 ? postingWrites(tx, account, feePostings, now) : []),
      failsWith(conditioned.commit(), () => new AccountRace()),
      tx.dunningDue.delete({ day: item.day, studioId, invoiceId }).commit(),
      ...(next ? [tx.dunningDue.put({ day: next.day, studioId, invoiceId, step: next.step }).commit()] : []),
      ...outboxEmails(tx, emails, now),
    ];
  });
  return performed ? { outcome: "performed", ...performed } : { outcome: "moved" };
}
