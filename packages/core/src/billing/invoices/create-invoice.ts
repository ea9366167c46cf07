import { v7 as uuidv7 } from "uuid";
import { recordAudit } from "../../audit";
import { failsWith } from "../../kernel/db/commit-writes";
import { itemOf } from "../../kernel/db/read-together";
import { invalidField, notFound } from "../../kernel/errors";
import { assertMay, loadMemberWith, type Actor } from "../../policy";
import { addDays, localParts } from "../../kernel/time/wall-clock";
import { newAccountRecord, openAccountWrites, partyNameOf, partyRead } from "../accounts/open-account";
import { AccountRace, withAccountRetry, type BillingAccountRecord } from "../accounts/post-to-ledger";
import { billingDb } from "../billing-db";
import { withBillingDefaults } from "../settings/defaults";
import { billingSettingsRead } from "../settings/read-settings";
import { commitInvoiceChange, historyEntry, HISTORY } from "./commit-invoice";
import { assertNotBilled, billedKeysOf, checkedTotals, draftMoney, resolveLines, takeMarkers } from "./draft-lines";
import { toInvoice, type Invoice, type InvoiceRecord } from "./invoice-view";
import type { CreateInvoiceInput } from "./schemas";

/**
 * Drafts an invoice by hand (admins) for an existing billing account, or for a family, band or
 * student (whose account is opened if it has none). Totals come from `invoiceTotals` at the
 * studio's tax rate; the draft carries today as its issue date and, unless one is given, today
 * plus the payment terms as its due date (both set again when it is sent). A line billing a
 * lesson marks that lesson billed for its student in the same transaction (409 if it is billed
 * already), so no billing run bills it again. Nobody but admins sees drafts.
 * Everything is checked before anything is written, and a new account is opened in the invoice's
 * own transaction: a refused invoice leaves no account behind (a racing open reruns from a fresh read).
 */
export function createInvoice(actor: Actor, studioId: string, input: CreateInvoiceInput, now = new Date()): Promise<Invoice> {
  return withAccountRetry(async () => {
    const accountId = input.accountId ?? input.account!.partyId;
    const { member, studio, records } = await loadMemberWith(
      actor,
      studioId,
      billingSettingsRead(studioId),
      itemOf(billingDb().entities.billingAccount, { studioId, accountId }),
      ...(input.account ? [partyRead(studioId, input.account)] : []),
    );
    assertMay(member, "invoice.create");
    const settings = withBillingDefaults(records[0]);
    const { account, opened } = accountToBill(studioId, input, records[1], records[2], actor.userId, now);

    const today = localParts(now, studio.timeZone).date;
    if (input.dueDate && input.dueDate < today) throw invalidField("dueDate", "must not be before today");
    const lines = await resolveLines(studioId, input.lines);
    const totals = checkedTotals(lines, input.discount, settings.taxRateMillipercent);
    const keys = billedKeysOf(lines);
    await assertNotBilled(studioId, keys, lines);

    const stamp = now.toISOString();
    const record: InvoiceRecord = {
      studioId,
      invoiceId: uuidv7(),
      accountId: account.accountId,
      status: "draft",
      listState: "draft",
      currency: studio.currency,
      issueDate: today,
      dueDate: input.dueDate ?? addDays(today, settings.paymentTermsDays),
      lines,
      ...(input.discount ? { discount: input.discount } : {}),
      ...draftMoney(totals, settings),
      ...(input.notes ? { notes: input.notes } : {}),
      history: [
        historyEntry("drafted", "Drafted", now, actor.userId),
        ...(input.dueDate ? [historyEntry(HISTORY.dueDateSet, `Due date set to ${input.dueDate}`, now, actor.userId)] : []),
      ],
      createdBy: actor.userId,
      updatedBy: actor.userId,
      createdAt: stamp,
      updatedAt: stamp,
    };
    await commitInvoiceChange((tx) => {
      const [open, ...openAudit] = opened ? openAccountWrites(tx, account, actor.userId) : [];
      return [
        // Someone opened the party's account meanwhile: rerun with it.
        ...(open ? [failsWith(open, () => new AccountRace()), ...openAudit] : []),
        tx.invoice.create(record).commit(),
        ...takeMarkers(tx, studioId, record.invoiceId, record.accountId, keys, lines),
        recordAudit(tx, {
          studioId,
          actorId: actor.userId,
          action: "invoice.created",
          entityType: "invoice",
          entityId: record.invoiceId,
          after: auditFields(record),
        }),
      ];
    });
    return toInvoice(record, today);
  });
}

/**
 * The account an invoice bills: the one named, or the party's (its existing account, or a new one
 * to open with the invoice). A missing account or party, or a party whose account is of another
 * kind, is a 404 naming it. Writes nothing.
 */
function accountToBill(
  studioId: string,
  input: CreateInvoiceInput,
  existing: BillingAccountRecord | null,
  party: unknown,
  actorId: string,
  now: Date,
): { account: BillingAccountRecord; opened: boolean } {
  if (!input.account) {
    if (!existing) throw notFound("Billing account");
    return { account: existing, opened: false };
  }
  const missing = () => notFound(input.account!.kind === "family" ? "Family" : input.account!.kind === "band" ? "Band" : "Student");
  if (existing) {
    if (existing.kind !== input.account.kind) throw missing();
    return { account: existing, opened: false };
  }
  const name = partyNameOf(party);
  if (!name) throw missing();
  return { account: newAccountRecord(studioId, input.account, name, actorId, now), opened: true };
}

/** What the audit log keeps of an invoice (not its whole history). */
export const auditFields = (r: InvoiceRecord) => ({
  accountId: r.accountId,
  number: r.number,
  status: r.status,
  issueDate: r.issueDate,
  dueDate: r.dueDate,
  lines: r.lines.map((l) => ({
    description: l.description,
    quantity: l.quantity,
    unitPriceMinor: l.unitPriceMinor,
    lessonId: l.lessonId,
    studentId: l.studentId,
  })),
  discount: r.discount,
  totalMinor: r.totalMinor,
  notes: r.notes,
});
