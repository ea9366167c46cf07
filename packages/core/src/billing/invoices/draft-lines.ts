import { v7 as uuidv7 } from "uuid";
import { itemOf, readTogether } from "../../kernel/db/read-together";
import { AppError, conflict, type FieldError } from "../../kernel/errors";
import { withAccountRetry } from "../accounts/post-to-ledger";
import { billingDb, type BillingTx } from "../billing-db";
import { type Discount, invoiceTotals, type InvoiceTotals, lineTotal, MAX_AMOUNT_MINOR } from "../money";
import { billedKeys, chargeIdOf } from "../runs/billed-item.entity";
import { commitInvoiceChange } from "./commit-invoice";
import type { InvoiceLineRecord } from "./invoice-view";
import type { InvoiceLineInput } from "./schemas";
import { failsWith } from "../../kernel/db/commit-writes";

const invalid = (errors: FieldError[]) => new AppError("validation_failed", "The request has invalid fields", { errors });

/**
 * A draft's lines from the request: a line with `lineId` keeps that line of the draft (its kind,
 * lesson or plan link and billed marker) with the new description, quantity and price; a line
 * with `lessonId` bills that lesson for one of its students (kind "lesson", marked billed); any
 * other line is "custom". Lessons are read in one BatchGet.
 */
export async function resolveLines(studioId: string, inputs: InvoiceLineInput[], existing: InvoiceLineRecord[] = []): Promise<InvoiceLineRecord[]> {
  const errors: FieldError[] = [];
  const kept = new Map(existing.map((line) => [line.lineId, line]));
  const lessonIds = [...new Set(inputs.filter((l) => l.lessonId && !l.lineId).map((l) => l.lessonId!))];
  const lessons = lessonIds.length ? await readTogether(...lessonIds.map((lessonId) => itemOf(billingDb().entities.lesson, { studioId, lessonId }))) : [];
  const lessonById = new Map(lessons.filter((l) => l !== null).map((l) => [l.lessonId, l]));
  const seenKeys = new Set<string>();
  const seenLineIds = new Set<string>();

  const lines = inputs.map((input, index): InvoiceLineRecord => {
    const at = (field: string) => `lines.${index}.${field}`;
    const amounts = { description: input.description, quantity: input.quantity, unitPriceMinor: input.unitPriceMinor, totalMinor: lineTotal(input) };
    if (Math.abs(amounts.totalMinor) > MAX_AMOUNT_MINOR)
      errors.push({ path: at("unitPriceMinor"), message: `quantity × unit price must be at most ${MAX_AMOUNT_MINOR}` });
    if (input.lineId) {
      const line = kept.get(input.lineId);
      if (!line) errors.push({ path: at("lineId"), message: "is not a line of this invoice" });
      else if (seenLineIds.has(input.lineId)) errors.push({ path: at("lineId"), message: "is given twice" });
      else if ((input.lessonId && input.lessonId !== line.lessonId) || (input.studentId && input.studentId !== line.studentId)) {
        errors.push({ path: at("lessonId"), message: "cannot change on a kept line; remove the line and add a new one" });
      }
      seenLineIds.add(input.lineId);
      if (line?.billedKey) seenKeys.add(line.billedKey);
      return { ...(line ?? { lineId: input.lineId, kind: "custom" }), ...amounts };
    }
    if (!input.lessonId) return { lineId: uuidv7(), kind: "custom", ...amounts };
    const lesson = lessonById.get(input.lessonId);
    if (!lesson) {
      errors.push({ path: at("lessonId"), message: "is not a lesson of this studio" });
      return { lineId: uuidv7(), kind: "lesson", ...amounts };
    }
    let studentId = input.studentId;
    if (!studentId) {
      if (lesson.studentIds.length === 1) studentId = lesson.studentIds[0];
      else errors.push({ path: at("studentId"), message: "is required: the lesson has several students" });
    } else if (!lesson.studentIds.includes(studentId)) errors.push({ path: at("studentId"), message: "is not a student of this lesson" });
    const billedKey = studentId ? billedKeys.lesson(lesson.lessonId, studentId) : undefined;
    if (billedKey && seenKeys.has(billedKey)) errors.push({ path: at("lessonId"), message: "is already on this invoice for that student" });
    if (billedKey) seenKeys.add(billedKey);
    return {
      lineId: uuidv7(),
      kind: "lesson",
      ...amounts,
      lessonId: lesson.lessonId,
      ...(studentId ? { studentId } : {}),
      ...(billedKey ? { billedKey } : {}),
    };
  });
  if (errors.length) throw invalid(errors);
  return lines;
}

/** An invoice's totals, refusing a negative subtotal or a total beyond MAX_AMOUNT_MINOR (422). */
export function checkedTotals(lines: InvoiceLineRecord[], discount: Discount | undefined, taxRateMillipercent: number): InvoiceTotals {
  const totals = invoiceTotals(lines, discount, taxRateMillipercent);
  if (totals.subtotalMinor < 0) throw invalid([{ path: "lines", message: "must not add up to less than zero" }]);
  if (totals.totalMinor > MAX_AMOUNT_MINOR) throw invalid([{ path: "lines", message: `must not add up to more than ${MAX_AMOUNT_MINOR}` }]);
  return totals;
}

/** A draft's money fields: its totals at the studio's tax rate, nothing paid, credited or charged late yet. */
export function draftMoney(totals: InvoiceTotals, settings: { taxRateMillipercent: number; taxName: string }) {
  return {
    ...totals,
    taxRateMillipercent: settings.taxRateMillipercent,
    taxName: settings.taxName,
    amountPaidMinor: 0,
    creditedMinor: 0,
    lateFeeMinor: 0,
    balanceDueMinor: totals.totalMinor,
  };
}

/** The billed markers a change of lines takes and gives back. */
export function markerChanges(before: InvoiceLineRecord[], after: InvoiceLineRecord[]) {
  const had = new Set(before.flatMap((l) => (l.billedKey ? [l.billedKey] : [])));
  const has = new Set(after.flatMap((l) => (l.billedKey ? [l.billedKey] : [])));
  return { take: [...has].filter((k) => !had.has(k)), release: [...had].filter((k) => !has.has(k)) };
}

/**
 * Refuses lines whose lesson is billed on another invoice already (409 naming it), before the
 * transaction: the transaction's conditional creates still decide a race.
 */
export async function assertNotBilled(studioId: string, keys: string[], lines: InvoiceLineRecord[]): Promise<void> {
  if (keys.length === 0) return;
  const { billedItem, invoice } = billingDb().entities;
  const markers = (await readTogether(...keys.map((billedKey) => itemOf(billedItem, { studioId, billedKey })))).filter((m) => m !== null);
  const first = markers[0];
  if (!first) return;
  const [other] = await readTogether(itemOf(invoice, { studioId, invoiceId: first.invoiceId }));
  throw billedElsewhere(lines, first.billedKey, other?.number ?? "a draft invoice");
}

export function billedElsewhere(lines: InvoiceLineRecord[], billedKey: string, where = "another invoice") {
  const index = lines.findIndex((l) => l.billedKey === billedKey);
  return conflict(
    "invoice.lesson_already_billed",
    `This lesson is already billed for that student on ${where}`,
    index >= 0 ? `lines.${index}.lessonId` : "lines",
  );
}

/**
 * Transaction items taking markers for an invoice (each on condition that nobody holds it, else
 * billedElsewhere, pointing at its line of `lines`).
 */
export const takeMarkers = (tx: BillingTx, studioId: string, invoiceId: string, accountId: string, keys: string[], lines: InvoiceLineRecord[]) =>
  keys.map((billedKey) => failsWith(tx.billedItem.create({ studioId, billedKey, invoiceId, accountId }).commit(), () => billedElsewhere(lines, billedKey)));

/**
 * Transaction items giving markers back: those this invoice holds (a marker already gone is
 * fine; one another invoice holds is refused).
 */
export const releaseMarkers = (tx: BillingTx, studioId: string, invoiceId: string, keys: string[]) =>
  keys.flatMap((billedKey) => {
    const release = tx.billedItem
      .delete({ studioId, billedKey })
      .where((a, op) => `${op.notExists(a.invoiceId)} OR ${op.eq(a.invoiceId, invoiceId)}`)
      .commit();
    const chargeId = chargeIdOf(billedKey);
    // A one-off charge given back waits for the next run again.
    return chargeId ? [release, tx.billingCharge.patch({ studioId, chargeId }).set({ listing: "pending" }).commit()] : [release];
  });

/** Transaction items handing an invoice's markers to another invoice of the account (a reissue; safe to repeat). */
export const moveMarkers = (tx: BillingTx, studioId: string, accountId: string, fromInvoiceId: string, toInvoiceId: string, keys: string[]) =>
  keys.map((billedKey) =>
    tx.billedItem
      .put({ studioId, billedKey, invoiceId: toInvoiceId, accountId })
      .where((a, op) => `${op.notExists(a.invoiceId)} OR ${op.eq(a.invoiceId, fromInvoiceId)} OR ${op.eq(a.invoiceId, toInvoiceId)}`)
      .commit(),
  );

export const billedKeysOf = (lines: InvoiceLineRecord[]) => lines.flatMap((l) => (l.billedKey ? [l.billedKey] : []));

/** DynamoDB's limit on one transaction. */
export const MAX_TRANSACTION_ITEMS = 100;

/**
 * Splits marker writes into those that fit the change's own transaction (`room` items left)
 * and the rest. A billing run's draft can hold more lines than fit one transaction; the rest are
 * written right after the change commits (`writeMarkerTail`), each write safe to repeat.
 */
export function splitMarkers(keys: string[], room: number) {
  let used = 0;
  let count = 0;
  for (const key of keys) {
    // Releasing a charge's marker also writes the charge (releaseMarkers).
    const weight = chargeIdOf(key) ? 2 : 1;
    if (used + weight > Math.max(0, room)) break;
    used += weight;
    count++;
  }
  return { now: keys.slice(0, count), later: keys.slice(count) };
}

/** Marker writes left over from a change, in transactions of their own. */
export async function writeMarkerTail(keys: string[], write: (tx: BillingTx, keys: string[]) => unknown[]): Promise<void> {
  for (let rest = keys; rest.length > 0; ) {
    const { now: chunk, later } = splitMarkers(rest, MAX_TRANSACTION_ITEMS);
    await withAccountRetry(() => commitInvoiceChange((tx) => write(tx, chunk)));
    rest = later;
  }
}
