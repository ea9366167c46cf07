import { recordAudit } from "../../audit";
import { commitWrites, failsWith } from "../../kernel/db/commit-writes";
import { conflict } from "../../kernel/errors";
import { assertMay, type Actor } from "../../policy";
import { lendingDb } from "../lending-db";
import { loadItem } from "./item-access";

/**
 * Takes an item out of the inventory (owners, admins): soft delete, its loans and maintenance log
 * stay as history. Refused (409) while any unit is on loan: take it back first.
 */
export async function deleteItem(actor: Actor, studioId: string, itemId: string) {
  const { member, item } = await loadItem(actor, studioId, itemId);
  assertMay(member, "item.manage");
  if (item.availableQuantity < item.quantity) throw conflict("item.units_on_loan", "Some of this item is on loan; record the return first");
  const now = new Date().toISOString();
  await commitWrites(lendingDb, (tx) => [
    failsWith(
      tx.inventoryItem
        .patch({ studioId, itemId })
        .set({ listing: "deleted", deletedAt: now, updatedBy: actor.userId, category: item.category, nameKey: item.nameKey })
        .where((a, op) => `${op.eq(a.updatedAt, item.updatedAt)} AND ${op.eq(a.listing, "listed")}`)
        .commit(),
      () => conflict("item.changed", "The item changed meanwhile; reload and try again"),
    ),
    recordAudit(tx, { studioId, actorId: actor.userId, action: "item.deleted", entityType: "inventoryItem", entityId: itemId, before: item }),
  ]);
}
