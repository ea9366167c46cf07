import { recordAudit } from "../../audit";
import { itemOf, readTogether } from "../../kernel/db/read-together";
import { commitWritesOr, rejectedAs } from "../../kernel/db/commit-writes";
import { AppError, notFound } from "../../kernel/errors";
import { localParts } from "../../kernel/time/wall-clock";
import { billingDb } from "../billing-db";
import { withBillingDefaults } from "../settings/defaults";
import { billableItems, type BillingPeriod, type SkippedItem } from "./billable-items";
import { readBillingFacts } from "./billing-facts";
import {
  draftAccountInvoice,
  draftCandidates,
  runDraftOf,
  type AccountOutcome,
  type AccountState,
  type AccountWork,
  type RunContext,
} from "./draft-account-invoice";
import { inPool, readMany } from "../../kernel/db/read-many";

import type { BillingRunRecord } from "./billing-run.entity";
export type { BillingRunRecord } from "./billing-run.entity";

/** Who a scheduled run's drafts and audit events are recorded as. */
export const BILLING_RUN_ACTOR = "job:billing-run";
/** Skipped items a run keeps one by one; beyond that, one entry per reason with a count (the item stays well under 400 KB). */
const MAX_SKIPPED_LISTED = 200;
const CONCURRENCY = 8;

export interface RunBillingOptions extends BillingPeriod {
  trigger: "manual" | "schedule";
  actorId: string;
  now?: Date;
}

/** What one execution of a run did (a run of the same period again adds only what is new). */
export interface BillingRunExecution {
  run: BillingRunRecord;
  invoicesCreated: number;
  invoicesExtended: number;
  linesAdded: number;
  /** How much this execution added to the run's invoices. */
  amountMinor: number;
  /** Items of the period already on an invoice (this run's or another's). */
  alreadyBilled: number;
  skipped: SkippedItem[];
  /** Accounts whose draft could not be written (the next run of the period retries them). */
  failed: { accountId: string; error: string }[];
}

export const runIdOf = (period: BillingPeriod) => `${period.periodStart}_${period.periodEnd}`;

/** The skipped list as the run stores it: the first ones in full, the rest counted per reason. */
export function storedSkipped(skipped: SkippedItem[]): SkippedItem[] {
  if (skipped.length <= MAX_SKIPPED_LISTED) return skipped;
  const rest = new Map<string, number>();
  for (const item of skipped.slice(MAX_SKIPPED_LISTED)) rest.set(item.reason, (rest.get(item.reason) ?? 0) + 1);
  return [...skipped.slice(0, MAX_SKIPPED_LISTED), ...[...rest].map(([reason, n]) => ({ reason: `${reason} (${n} more not listed)` }))];
}

/** Creates the run's record, or marks an existing one as drafting again; the record as it is then. */
async function startRun(studioId: string, runId: string, options: RunBillingOptions): Promise<BillingRunRecord> {
  const { billingRun } = billingDb().entities;
  try {
    const { data } = await billingRun
      .create({
        studioId,
        runId,
        periodStart: options.periodStart,
        periodEnd: options.periodEnd,
        trigger: options.trigger,
        status: "drafting",
        invoiceIds: [],
        skipped: [],
        accountCount: 0,
        totalMinor: 0,
        runCount: 1,
        startedBy: options.actorId,
      })
      .go();
    return data as BillingRunRecord;
  } catch (error) {
    if ((error as { cause?: { name?: string } }).cause?.name !== "ConditionalCheckFailedException") throw error;
    const { data } = await billingRun.patch({ studioId, runId }).set({ status: "drafting" }).add({ runCount: 1 }).go({ response: "all_new" });
    return data as BillingRunRecord;
  }
}

/** What an execution adds to its run's record: its new invoices and how much each invoice grew. */
interface RunAdditions {
  /** Invoices of the run (made now, or found unrecorded) with what they add to the run's total. */
  invoices: Map<string, number>;
  /** Growth of drafts the run already lists. */
  extendedMinor: Map<string, number>;
}

/**
 * Writes an execution's outcome into the run's record, on condition that the record did not
 * change since it was read (concurrent executions of the period retry in turn), so the list of
 * invoices is their union with each id once, and the total counts each invoice once.
 */
async function recordExecution(
  studioId: string,
  runId: string,
  actorId: string,
  additions: RunAdditions,
  skipped: SkippedItem[],
  audit: Record<string, number>,
): Promise<BillingRunRecord> {
  const { billingRun } = billingDb().entities;
  for (let tries = 1; ; tries++) {
    const { data: run } = await billingRun.get({ studioId, runId }).go({ consistent: true });
    if (!run) throw notFound("Billing run");
    const listed = new Set(run.invoiceIds ?? []);
    const added = [...additions.invoices].filter(([id]) => !listed.has(id));
    const extended = [...additions.extendedMinor].filter(([id]) => listed.has(id));
    const growth = [...added, ...extended].reduce((sum, [, minor]) => sum + minor, 0);
    // A change since the read (or, before the last try, any cancellation) runs it again.
    const rejected = await commitWritesOr(
      billingDb,
      (tx) =>
        rejectedAs(
          [
            tx.billingRun
              .patch({ studioId, runId })
              .set({
                status: "drafted",
                skipped: storedSkipped(skipped),
                invoiceIds: [...(run.invoiceIds ?? []), ...added.map(([id]) => id)],
                accountCount: listed.size + added.length,
                totalMinor: run.totalMinor + growth,
              })
              .where((a, op) => op.eq(a.updatedAt, run.updatedAt))
              .commit(),
            recordAudit(tx, { studioId, actorId, action: "billingRun.drafted", entityType: "billingRun", entityId: runId, after: audit }),
          ],
          "changed",
        ),
      tries < 10 ? { otherwise: "cancelled" } : {},
    );
    if (!rejected) return (await billingRun.get({ studioId, runId }).go({ consistent: true })).data!;
    if (tries >= 10) throw new AppError("billing_run.busy", "The billing run is being recorded by another request; run it again");
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * tries));
  }
}

/**
 * A billing run over a period of local dates (studio time zone): drafts one invoice per billing
 * account from the period's lessons and fee plans (what is billed and skipped: `billableItems`),
 * never billing anything twice (BilledItem markers created in each draft's transaction), so
 * running the same period again, or two runs at once, drafts nothing twice; a rerun only adds what
 * is new (extending the run's drafts that are still drafts). The run's record (id = the period)
 * keeps its invoices, total and what it skipped. Reads are bulk (queries and BatchGetItem); each
 * account is one transaction, eight at a time. No permission check: callers decide who may run it.
 */
export async function runBilling(studioId: string, options: RunBillingOptions): Promise<BillingRunExecution> {
  const now = options.now ?? new Date();
  const { studio, billingSettings, billedItem, billingAccount, invoice } = billingDb().entities;
  const [studioRecord, settingsRecord] = await readTogether(itemOf(studio, { studioId }), itemOf(billingSettings, { studioId }));
  if (!studioRecord || studioRecord.deletedAt) throw notFound("Studio");
  const settings = withBillingDefaults(settingsRecord);
  const runId = runIdOf(options);
  const started = await startRun(studioId, runId, options);

  const context: RunContext = {
    studioId,
    runId,
    periodStart: options.periodStart,
    periodEnd: options.periodEnd,
    currency: studioRecord.currency,
    settings,
    today: localParts(now, studioRecord.timeZone).date,
    actorId: options.actorId,
    now,
  };
  const facts = await readBillingFacts(studioId, options, studioRecord.timeZone, settings);
  const { items, skipped } = billableItems(facts);

  const accounts = new Map<string, AccountWork>();
  for (const item of items) {
    const { kind, partyId } = item.account;
    let work = accounts.get(partyId);
    if (!work) {
      const student = facts.students.get(item.line.studentId)!;
      const name = kind === "family" ? facts.familyNames.get(partyId)! : `${student.firstName} ${student.lastName}`;
      work = { accountId: partyId, kind, name, items: [] };
      accounts.set(partyId, work);
    }
    work.items.push(item);
  }

  // What is billed already; then, for the accounts with something new, the account and this run's
  // draft, and any invoice holding the period's items that the run's record does not list yet (an
  // execution stopped before recording its drafts: they are the run's all the same).
  const found = await readMany(items.map((item) => itemOf(billedItem, { studioId, billedKey: item.billedKey })));
  const markers = new Map(found.flatMap((m) => (m ? [[m.billedKey, m] as const] : [])));
  const pending = [...accounts.values()].filter((work) => work.items.some((item) => !markers.has(item.billedKey)));
  const alreadyDone = [...accounts.values()].filter((work) => !pending.includes(work));
  const listed = new Set(started.invoiceIds ?? []);
  const unlisted = [...new Set(found.flatMap((m) => (m && !listed.has(m.invoiceId) ? [m.invoiceId] : [])))];
  const candidates = [...new Set([...pending.flatMap((work) => draftCandidates(work, markers)), ...unlisted])];
  const [accountRecords, invoices] = await Promise.all([
    readMany(pending.map((work) => itemOf(billingAccount, { studioId, accountId: work.accountId }))),
    readMany(candidates.map((invoiceId) => itemOf(invoice, { studioId, invoiceId }))),
  ]);
  const accountById = new Map(accountRecords.flatMap((a) => (a ? [[a.accountId, a] as const] : [])));
  const additions: RunAdditions = { invoices: new Map(), extendedMinor: new Map() };
  for (const i of invoices) if (i && i.billingRunId === runId && !listed.has(i.invoiceId)) additions.invoices.set(i.invoiceId, i.totalMinor);

  const execution: Omit<BillingRunExecution, "run"> = {
    invoicesCreated: 0,
    invoicesExtended: 0,
    linesAdded: 0,
    amountMinor: 0,
    alreadyBilled: alreadyDone.reduce((n, work) => n + work.items.length, 0),
    skipped,
    failed: [],
  };
  await inPool(pending, CONCURRENCY, async (work) => {
    const state: AccountState = {
      markers: new Map(work.items.flatMap((item) => (markers.has(item.billedKey) ? [[item.billedKey, markers.get(item.billedKey)!] as const] : []))),
      account: accountById.get(work.accountId) ?? null,
      draft: runDraftOf(context, work.accountId, invoices),
    };
    let outcome: AccountOutcome;
    try {
      outcome = await draftAccountInvoice(context, work, state);
    } catch (error) {
      execution.failed.push({ accountId: work.accountId, error: error instanceof Error ? error.message : String(error) });
      return;
    }
    for (const item of outcome.heldBack) {
      skipped.push({ studentId: item.line.studentId, reason: "credit waits for an invoice to set it against" });
    }
    execution.alreadyBilled += outcome.alreadyBilled;
    execution.linesAdded += outcome.linesAdded;
    execution.amountMinor += outcome.amountMinor;
    if (outcome.created) {
      execution.invoicesCreated++;
      additions.invoices.set(outcome.invoiceId!, outcome.totalMinor);
    } else if (outcome.linesAdded > 0) {
      execution.invoicesExtended++;
      if (additions.invoices.has(outcome.invoiceId!)) additions.invoices.set(outcome.invoiceId!, outcome.totalMinor);
      else additions.extendedMinor.set(outcome.invoiceId!, outcome.amountMinor);
    }
  });
  if (execution.failed.length > 0)
    console.error(JSON.stringify({ level: "error", message: "billing run: accounts failed", studioId, runId, failed: execution.failed }));

  const audit = {
    invoicesCreated: execution.invoicesCreated,
    invoicesExtended: execution.invoicesExtended,
    linesAdded: execution.linesAdded,
    amountMinor: execution.amountMinor,
    skipped: skipped.length,
    failed: execution.failed.length,
  };
  const run = await recordExecution(studioId, runId, options.actorId, additions, skipped, audit);
  return { run, ...execution };
}
