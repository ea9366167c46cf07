import { failsWith } from "../../kernel/db/commit-writes";
import { recordAudit } from "../../audit";
import { conflict } from "../../kernel/errors";
import { assertMay, type Actor } from "../../policy";
import { AccountRace, withAccountRetry } from "../accounts/post-to-ledger";
import { commitInvoiceChange } from "./commit-invoice";
import { auditFields } from "./create-invoice";
import { billedKeysOf, MAX_TRANSACTION_ITEMS, releaseMarkers, splitMarkers, writeMarkerTail } from "./draft-lines";
import { loadInvoiceFor } from "./invoice-access";

/**
 * Deletes a draft (admins) and gives back its billed markers in the same transaction (a billing
 * run's draft too big for one transaction gives the rest back right after), so its lessons and
 * plan months are billed by the next run. An issued invoice is a 409: void it.
 */
export async function deleteDraft(actor: Actor, studioId: string, invoiceId: string): Promise<void> {
  await withAccountRetry(async () => {
    const { member, invoice: record } = await loadInvoiceFor(actor, studioId, invoiceId);
    assertMay(member, "invoice.delete");
    if (record.status !== "draft") throw conflict("invoice.already_sent", "Issued invoices cannot be deleted; void it instead");
    const markers = splitMarkers(billedKeysOf(record.lines), MAX_TRANSACTION_ITEMS - 2);
    await commitInvoiceChange((tx) => [
      failsWith(
        tx.invoice
          .delete({ studioId, invoiceId })
          .where((a, op) => `${op.eq(a.status, "draft")} AND ${op.eq(a.updatedAt, record.updatedAt)}`)
          .commit(),
        () => new AccountRace(),
      ),
      ...releaseMarkers(tx, studioId, invoiceId, markers.now),
      recordAudit(tx, {
        studioId,
        actorId: actor.userId,
        action: "invoice.deleted",
        entityType: "invoice",
        entityId: invoiceId,
        before: auditFields(record),
      }),
    ]);
    await writeMarkerTail(markers.later, (tx, keys) => releaseMarkers(tx, studioId, invoiceId, keys));
  });
}
