import { recordAudit } from "../../audit";
import { failsWith } from "../../kernel/db/commit-writes";
import { conflict, invalidField } from "../../kernel/errors";
import { assertMay, type Actor } from "../../policy";
import { addDays, localParts } from "../../kernel/time/wall-clock";
import { AccountRace, withAccountRetry } from "../accounts/post-to-ledger";
import { withBillingDefaults } from "../settings/defaults";
import { billingSettingsRead } from "../settings/read-settings";
import { commitInvoiceChange, dueDateFixed, historyEntry, HISTORY } from "./commit-invoice";
import { auditFields } from "./create-invoice";
import {
  assertNotBilled,
  checkedTotals,
  markerChanges,
  MAX_TRANSACTION_ITEMS,
  releaseMarkers,
  resolveLines,
  splitMarkers,
  takeMarkers,
  writeMarkerTail,
} from "./draft-lines";
import { loadInvoiceFor } from "./invoice-access";
import { toInvoice, type Invoice, type InvoiceRecord } from "./invoice-view";
import type { UpdateInvoiceInput } from "./schemas";

export const ISSUED_IMMUTABLE = "Issued invoices cannot be changed; void and reissue, or add a credit note";

/**
 * Edits a draft (admins): its lines (replaced; `lineId` keeps a line's lesson or plan link),
 * discount, notes or due date (null: back to the payment terms). Totals are computed again at
 * the studio's current tax rate. Lesson lines added take their billed markers and lines removed
 * give them back, in the draft's transaction. An issued invoice is a 409: it never changes.
 */
export async function updateDraft(actor: Actor, studioId: string, invoiceId: string, input: UpdateInvoiceInput, now = new Date()): Promise<Invoice> {
  return withAccountRetry(async () => {
    const { member, studio, invoice: record, rest } = await loadInvoiceFor(actor, studioId, invoiceId, billingSettingsRead(studioId));
    assertMay(member, "invoice.update");
    if (record.status !== "draft") throw conflict("invoice.already_sent", ISSUED_IMMUTABLE);
    const settings = withBillingDefaults(rest[0]);
    const today = localParts(now, studio.timeZone).date;
    if (input.dueDate && input.dueDate < today) throw invalidField("dueDate", "must not be before today");

    const lines = input.lines ? await resolveLines(studioId, input.lines, record.lines) : record.lines;
    const discount = input.discount === null ? undefined : (input.discount ?? record.discount);
    const totals = checkedTotals(lines, discount, settings.taxRateMillipercent);
    const { take, release } = markerChanges(record.lines, lines);
    await assertNotBilled(studioId, take, lines);
    const released = splitMarkers(release, MAX_TRANSACTION_ITEMS - 2 - take.length);

    const history = [...(record.history ?? []), historyEntry("edited", "Edited", now, actor.userId)];
    let dueDate = dueDateFixed(record) ? record.dueDate : addDays(today, settings.paymentTermsDays);
    if (input.dueDate) {
      dueDate = input.dueDate;
      history.push(historyEntry(HISTORY.dueDateSet, `Due date set to ${input.dueDate}`, now, actor.userId));
    } else if (input.dueDate === null) {
      dueDate = addDays(today, settings.paymentTermsDays);
      history.push(historyEntry(HISTORY.dueDateCleared, "Due date back to the payment terms", now, actor.userId));
    }
    const notes = input.notes === null ? undefined : (input.notes ?? record.notes);
    const changes = {
      lines,
      ...totals,
      taxRateMillipercent: settings.taxRateMillipercent,
      taxName: settings.taxName,
      balanceDueMinor: totals.totalMinor,
      issueDate: today,
      dueDate,
      history,
      updatedBy: actor.userId,
    };
    const removed = [...(discount ? [] : (["discount"] as const)), ...(notes ? [] : (["notes"] as const))];
    const after: InvoiceRecord = { ...record, ...changes, discount, notes, updatedAt: now.toISOString() };
    await commitInvoiceChange((tx) => {
      let patch = tx.invoice.patch({ studioId, invoiceId }).set({ ...changes, ...(discount ? { discount } : {}), ...(notes ? { notes } : {}) });
      if (removed.length) patch = patch.remove([...removed]);
      return [
        failsWith(patch.where((a, op) => `${op.eq(a.status, "draft")} AND ${op.eq(a.updatedAt, record.updatedAt)}`).commit(), () => new AccountRace()),
        ...takeMarkers(tx, studioId, invoiceId, record.accountId, take, lines),
        ...releaseMarkers(tx, studioId, invoiceId, released.now),
        recordAudit(tx, {
          studioId,
          actorId: actor.userId,
          action: "invoice.updated",
          entityType: "invoice",
          entityId: invoiceId,
          before: auditFields(record),
          after: auditFields(after),
        }),
      ];
    });
    await writeMarkerTail(released.later, (tx, keys) => releaseMarkers(tx, studioId, invoiceId, keys));
    return toInvoice(after, today);
  });
}
