import { v7 as uuidv7 } from "uuid";
import { recordAudit } from "../../audit";
import { itemOf } from "../../kernel/db/read-together";
import { AppError } from "../../kernel/errors";
import { addDays } from "../../kernel/time/wall-clock";
import type { BillingAccountRecord } from "../accounts/post-to-ledger";
import { billingDb } from "../billing-db";
import { draftMoney } from "../invoices/draft-lines";
import type { InvoiceRecord } from "../invoices/invoice-view";
import { invoiceTotals, lineTotal } from "../money";
import type { BillingSettings } from "../settings/defaults";
import type { BillableItem, BillingPeriod } from "./billable-items";
import { readMany } from "../../kernel/db/read-many";

import { billedKeys, chargeIdOf, type BilledItemRecord } from "./billed-item.entity";
type InvoiceLine = InvoiceRecord["lines"][number];

/** Markers per transaction: with the invoice, a new account and the audit event, well within DynamoDB's 100 items. */
const MAX_ITEMS_PER_TRANSACTION = 90;
const MAX_TRIES = 8;

/** What every draft of one run shares. */
export interface RunContext extends BillingPeriod {
  studioId: string;
  runId: string;
  currency: string;
  settings: Pick<BillingSettings, "taxRateMillipercent" | "taxName" | "paymentTermsDays">;
  /** The studio's local date: drafts carry the dates they would be issued with. */
  today: string;
  actorId: string;
  now: Date;
}

/** One account's share of a run: every item the period gives it, billed or not. */
export interface AccountWork {
  accountId: string;
  kind: BillingAccountRecord["kind"];
  /** The name a new account gets. */
  name: string;
  items: BillableItem[];
}

/** What the run knows about an account before drafting (read in bulk for all accounts; re-read after a race). */
export interface AccountState {
  /** Markers of the account's items that exist, by billed key. */
  markers: ReadonlyMap<string, BilledItemRecord>;
  account: BillingAccountRecord | null;
  /** This run's draft for the account, if it has one (found through the markers of items it holds). */
  draft: InvoiceRecord | null;
  /** Billed keys of charges cancelled (or billed elsewhere) since the run read them: not to bill. */
  gone?: ReadonlySet<string>;
}

export interface AccountOutcome {
  invoiceId?: string;
  created: boolean;
  linesAdded: number;
  /** How much the account's invoice total grew. */
  amountMinor: number;
  totalMinor: number;
  alreadyBilled: number;
  /** Credits (negative charges) left pending: with nothing to set them against, the invoice would be negative. */
  heldBack: BillableItem[];
}

/** The ids of invoices that hold some of the account's items: where this run's draft can be. */
export const draftCandidates = (work: AccountWork, markers: ReadonlyMap<string, BilledItemRecord>) => [
  ...new Set(work.items.flatMap((item) => (markers.get(item.billedKey)?.accountId === work.accountId ? [markers.get(item.billedKey)!.invoiceId] : []))),
];

/** The run's still-draft invoice for the account among candidate invoices, if any. */
export const runDraftOf = (context: RunContext, accountId: string, invoices: readonly (InvoiceRecord | null)[]) =>
  invoices.find((i) => i && i.status === "draft" && i.accountId === accountId && i.billingRunId === context.runId) ?? null;

/**
 * The run's draft of an account whose new items are all one-off charges: charges already billed
 * leave the pending list, so no marker of the account's items points at the draft. Read from the
 * account's invoices (one query), so the charge extends the run's draft instead of starting another.
 */
async function chargeOnlyDraft(context: RunContext, work: AccountWork): Promise<InvoiceRecord | null> {
  if (!work.items.some((item) => item.line.kind === "charge")) return null;
  const { data } = await billingDb()
    .entities.invoice.query.invoicesByAccount({ studioId: context.studioId, accountId: work.accountId })
    .where((a, op) => `${op.eq(a.billingRunId, context.runId)} AND ${op.eq(a.status, "draft")}`)
    .go({ pages: "all" });
  return data[0] ?? null;
}

/** Reads an account's state afresh (strongly consistent): its markers, the account, this run's draft. */
export async function readAccountState(context: RunContext, work: AccountWork): Promise<AccountState> {
  const { billedItem, billingAccount, invoice, billingCharge } = billingDb().entities;
  const { studioId } = context;
  const [found, [account]] = await Promise.all([
    readMany(
      work.items.map((item) => itemOf(billedItem, { studioId, billedKey: item.billedKey })),
      { consistent: true },
    ),
    readMany([itemOf(billingAccount, { studioId, accountId: work.accountId })], { consistent: true }),
  ]);
  const markers = new Map(found.flatMap((m) => (m ? [[m.billedKey, m] as const] : [])));
  const candidates = draftCandidates(work, markers);
  const chargeIds = work.items.flatMap((item) => (item.line.kind === "charge" && !markers.has(item.billedKey) ? [chargeIdOf(item.billedKey)!] : []));
  const [invoices, charges] = await Promise.all([
    candidates.length
      ? readMany(
          candidates.map((invoiceId) => itemOf(invoice, { studioId, invoiceId })),
          { consistent: true },
        )
      : [],
    chargeIds.length
      ? readMany(
          chargeIds.map((chargeId) => itemOf(billingCharge, { studioId, chargeId })),
          { consistent: true },
        )
      : [],
  ]);
  const gone = new Set(charges.flatMap((c, i) => (c?.listing === "pending" ? [] : [billedKeys.charge(chargeIds[i]!)])));
  const draft = runDraftOf(context, work.accountId, invoices) ?? (await chargeOnlyDraft(context, work));
  return { markers, account: account ?? null, draft, gone };
}

const toLine = (item: BillableItem): InvoiceLine => ({
  lineId: uuidv7(),
  kind: item.line.kind,
  description: item.line.description,
  quantity: item.line.quantity,
  unitPriceMinor: item.line.unitPriceMinor,
  totalMinor: lineTotal(item.line),
  studentId: item.line.studentId,
  billedKey: item.billedKey,
  ...(item.line.lessonId ? { lessonId: item.line.lessonId } : {}),
  ...(item.line.feePlanId ? { feePlanId: item.line.feePlanId } : {}),
});

const periodWords = (context: RunContext) => `${context.periodStart} – ${context.periodEnd}`;

/**
 * Drafts (or extends) one account's invoice for a run: the items not billed yet become lines,
 * and each line's BilledItem marker is created on condition that it does not exist, in the same
 * transaction as the invoice (and the account, when it is new). So an item is billed at most
 * once, whatever runs at the same time: a run that loses a race re-reads the markers and drafts
 * only what is left. A second run of the same period extends the run's own draft for the account
 * while it is still a draft (on condition it did not change meanwhile), else drafts a new one.
 * Items beyond 90 go in further transactions that extend the same draft.
 */
export async function draftAccountInvoice(context: RunContext, work: AccountWork, prefetched?: AccountState): Promise<AccountOutcome> {
  const outcome: AccountOutcome = { created: false, linesAdded: 0, amountMinor: 0, totalMinor: 0, alreadyBilled: 0, heldBack: [] };
  let state =
    prefetched && !prefetched.draft && work.items.some((item) => item.line.kind === "charge")
      ? { ...prefetched, draft: await chargeOnlyDraft(context, work) }
      : prefetched;
  let first = true;
  for (let tries = 0; ; ) {
    state ??= await readAccountState(context, work);
    const unbilled = work.items.filter((item) => !state!.markers.has(item.billedKey));
    if (first) outcome.alreadyBilled = work.items.length - unbilled.length;
    const { fresh, heldBack } = withoutUnbackedCredits(
      unbilled.filter((item) => !state!.gone?.has(item.billedKey)),
      state.draft?.subtotalMinor ?? 0,
    );
    outcome.heldBack = heldBack;
    if (fresh.length === 0) return outcome;
    const chunk = chunkOf(fresh);
    const written = await writeChunk(context, work, state, chunk);
    if (written) {
      outcome.invoiceId = written.invoiceId;
      outcome.created ||= written.created;
      outcome.linesAdded += chunk.length;
      outcome.amountMinor += written.totalMinor - written.previousTotalMinor;
      outcome.totalMinor = written.totalMinor;
      if (chunk.length === fresh.length) return outcome;
      first = false;
    } else if (++tries >= MAX_TRIES) {
      throw new AppError("billing_run.account_changed", `The billing account ${work.accountId} kept changing during the billing run; run it again`);
    }
    // After a race, or before the next chunk of a large account, read what is there now.
    state = undefined;
  }
}

/** A charge line also turns its charge `billed` in the transaction: it weighs two items. */
const weightOf = (item: BillableItem) => (item.line.kind === "charge" ? 2 : 1);

/** The first items that fit one transaction (MAX_ITEMS_PER_TRANSACTION, charges counting twice). */
function chunkOf(items: BillableItem[]): BillableItem[] {
  let weight = 0;
  let count = 0;
  for (const item of items) {
    if (weight + weightOf(item) > MAX_ITEMS_PER_TRANSACTION) break;
    weight += weightOf(item);
    count++;
  }
  return items.slice(0, count);
}

/**
 * The items to bill now, leaving out credits (negative charges) that would take the invoice below
 * zero: they stay pending until an invoice has enough to set them against (the largest first).
 */
export function withoutUnbackedCredits(items: BillableItem[], draftSubtotalMinor: number): { fresh: BillableItem[]; heldBack: BillableItem[] } {
  let total = draftSubtotalMinor + items.reduce((sum, item) => sum + lineTotal(item.line), 0);
  if (total >= 0) return { fresh: items, heldBack: [] };
  const credits = items
    .filter((item) => item.line.kind === "charge" && item.line.unitPriceMinor < 0)
    .sort((a, b) => a.line.unitPriceMinor - b.line.unitPriceMinor);
  const heldBack = new Set<BillableItem>();
  for (const credit of credits) {
    if (total >= 0) break;
    heldBack.add(credit);
    total -= lineTotal(credit.line);
  }
  return { fresh: items.filter((item) => !heldBack.has(item)), heldBack: [...heldBack] };
}

/** One transaction: the invoice created or extended, the account if new, the markers, the audit event. Null when it lost a race. */
async function writeChunk(context: RunContext, work: AccountWork, state: AccountState, chunk: BillableItem[]) {
  const { studioId, now, actorId } = context;
  const stamp = now.toISOString();
  const draft = state.draft;
  const invoiceId = draft?.invoiceId ?? uuidv7();
  const lines = [...(draft?.lines ?? []), ...chunk.map(toLine)];
  const totals = invoiceTotals(lines, draft?.discount, context.settings.taxRateMillipercent);
  const history = {
    at: stamp,
    event: draft ? "lines_added" : "drafted",
    detail: draft
      ? `${chunk.length} line${chunk.length === 1 ? "" : "s"} added by the billing run for ${periodWords(context)}`
      : `Drafted by the billing run for ${periodWords(context)}`,
    actorId,
  };
  const money = draftMoney(totals, context.settings);

  const outcome = await billingDb()
    .transaction.write((tx) => [
      draft
        ? tx.invoice
            .patch({ studioId, invoiceId })
            .set({ lines, ...money, updatedBy: actorId })
            .append({ history: [history] })
            .where((a, op) => `${op.eq(a.status, "draft")} AND ${op.eq(a.updatedAt, draft.updatedAt)}`)
            .commit()
        : tx.invoice
            .create({
              studioId,
              invoiceId,
              accountId: work.accountId,
              status: "draft",
              listState: "draft",
              currency: context.currency,
              issueDate: context.today,
              dueDate: addDays(context.today, context.settings.paymentTermsDays),
              periodStart: context.periodStart,
              periodEnd: context.periodEnd,
              lines,
              ...money,
              billingRunId: context.runId,
              history: [history],
              createdBy: actorId,
              updatedBy: actorId,
            })
            .commit(),
      ...(state.account
        ? []
        : [
            tx.billingAccount
              .create({
                studioId,
                accountId: work.accountId,
                kind: work.kind,
                name: work.name,
                balanceMinor: 0,
                creditMinor: 0,
                revision: 0,
                createdBy: actorId,
              })
              .commit(),
          ]),
      ...chunk.map((item) => tx.billedItem.create({ studioId, billedKey: item.billedKey, invoiceId, accountId: work.accountId }).commit()),
      // A charge turns billed with its line, on condition that nobody cancelled it meanwhile (a lost race re-reads it).
      ...chunk.flatMap((item) =>
        item.line.kind === "charge"
          ? [
              tx.billingCharge
                .patch({ studioId, chargeId: chargeIdOf(item.billedKey)! })
                .set({ listing: "billed" })
                .where((a, op) => op.eq(a.listing, "pending"))
                .commit(),
            ]
          : [],
      ),
      recordAudit(tx, {
        studioId,
        actorId,
        action: draft ? "invoice.lines_added" : "invoice.drafted",
        entityType: "invoice",
        entityId: invoiceId,
        before: draft ? { lineCount: draft.lines.length, totalMinor: draft.totalMinor } : undefined,
        after: { accountId: work.accountId, billingRunId: context.runId, lineCount: lines.length, totalMinor: totals.totalMinor },
      }),
    ])
    .go();
  if (outcome.canceled) {
    // A condition (marker, account or draft taken meanwhile) or a concurrent transaction on the same items: read again.
    if (outcome.data.some((item) => item.code === "ConditionalCheckFailed" || item.code === "TransactionConflict")) return null;
    throw new Error(`Transaction cancelled (${outcome.data.map((item) => item.code).join(",")})`);
  }
  return { invoiceId, created: !draft, totalMinor: totals.totalMinor, previousTotalMinor: draft?.totalMinor ?? 0 };
}
