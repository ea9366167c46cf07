import { v7 as uuidv7 } from "uuid";
import { recordAudit } from "../../audit/record-audit";
import { itemOf } from "../../db/read-together";
import { invalidField, notFound } from "../../errors";
import { loadMemberWith, requireStudioAdmin, type Actor } from "../../policy";
import { addDays, localParts } from "../../scheduling/wall-clock";
import { ensureBillingAccount } from "../accounts/ensure-account";
import { withAccountRetry } from "../accounts/post-to-ledger";
import { billingDb } from "../billing-db";
import { withBillingDefaults } from "../settings/defaults";
import { billingSettingsRead } from "../settings/read-settings";
import { commitInvoiceChange, historyEntry, HISTORY } from "./commit-invoice";
import { assertNotBilled, billedElsewhere, billedKeysOf, checkedTotals, draftMoney, resolveLines, takeMarkers } from "./draft-lines";
import { toInvoice, type Invoice, type InvoiceRecord } from "./invoice-view";
import type { CreateInvoiceInput } from "./schemas";

/**
 * Drafts an invoice by hand (admins) for an existing billing account, or for a family, band or
 * student (whose account is opened if it has none). Totals come from `invoiceTotals` at the
 * studio's tax rate; the draft carries today as its issue date and, unless one is given, today
 * plus the payment terms as its due date (both set again when it is sent). A line billing a
 * lesson marks that lesson billed for its student in the same transaction (409 if it is billed
 * already), so no billing run bills it again. Nobody but admins sees drafts.
 */
export async function createInvoice(actor: Actor, studioId: string, input: CreateInvoiceInput, now = new Date()): Promise<Invoice> {
  const accountId = input.accountId ?? input.account!.partyId;
  const { member, studio, records } = await loadMemberWith(
    actor,
    studioId,
    billingSettingsRead(studioId),
    itemOf(billingDb().entities.billingAccount, { studioId, accountId }),
  );
  requireStudioAdmin(member);
  const settings = withBillingDefaults(records[0]);
  let account = records[1];
  if (input.account) account = await ensureBillingAccount(studioId, input.account, actor.userId);
  if (!account) throw notFound("Billing account");

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
  await withAccountRetry(() =>
    commitInvoiceChange(
      (tx) => [
        tx.invoice.create(record).commit(),
        ...takeMarkers(tx, studioId, record.invoiceId, record.accountId, keys),
        recordAudit(tx, { studioId, actorId: actor.userId, action: "invoice.created", entityType: "invoice", entityId: record.invoiceId, after: auditFields(record) }),
      ],
      (index) => (index >= 1 && index <= keys.length ? billedElsewhere(lines, keys[index - 1]!) : undefined),
    ),
  );
  return toInvoice(record, today);
}

/** What the audit log keeps of an invoice (not its whole history). */
export const auditFields = (r: InvoiceRecord) => ({
  accountId: r.accountId,
  number: r.number,
  status: r.status,
  issueDate: r.issueDate,
  dueDate: r.dueDate,
  lines: r.lines.map((l) => ({ description: l.description, quantity: l.quantity, unitPriceMinor: l.unitPriceMinor, lessonId: l.lessonId, studentId: l.studentId })),
  discount: r.discount,
  totalMinor: r.totalMinor,
  notes: r.notes,
});
