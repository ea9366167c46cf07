import { recordAudit } from "../../audit";
import { commitWrites, failsWith } from "../../kernel/db/commit-writes";
import { conflict } from "../../kernel/errors";
import { assertMay, type Actor } from "../../policy";
import { applyChanges, splitChanges } from "../../people";
import { lendingDb } from "../lending-db";
import type { InventoryItemRecord } from "../item.entity";
import { loadItem } from "./item-access";
import { assertItemShape, nameKeyOf } from "./item-rules";
import { toItem } from "./item-view";
import type { UpdateItemInput } from "./schemas";

/**
 * Changes an item (owners, admins); `null` clears a field. A new quantity moves the available
 * units by the same amount and may not go below the units on loan (409). Conditional on the item
 * being unchanged since it was read (a loan lent or returned meanwhile: 409, reload).
 */
export async function updateItem(actor: Actor, studioId: string, itemId: string, input: UpdateItemInput) {
  const { member, item: current } = await loadItem(actor, studioId, itemId);
  assertMay(member, "item.manage");
  const lent = current.quantity - current.availableQuantity;
  if (input.quantity !== undefined && input.quantity < lent) {
    throw conflict("item.units_on_loan", `${lent} of this item ${lent === 1 ? "is" : "are"} on loan; the quantity cannot be less`, "quantity");
  }
  const quantity = input.quantity ?? current.quantity;
  assertItemShape({ isConsumable: input.isConsumable ?? current.isConsumable, isBorrowable: input.isBorrowable ?? current.isBorrowable });
  const name = input.name ?? current.name;
  const { set, remove } = splitChanges({
    ...input,
    name,
    nameKey: nameKeyOf(name),
    category: input.category ?? current.category,
    listing: current.listing,
    quantity,
    availableQuantity: quantity - lent,
  });
  const now = new Date().toISOString();
  const after = { ...applyChanges(current, set, remove, now), updatedBy: actor.userId } as InventoryItemRecord;
  await commitWrites(lendingDb, (tx) => [
    failsWith(
      tx.inventoryItem
        .patch({ studioId, itemId })
        .set({ ...(set as Partial<InventoryItemRecord>), updatedBy: actor.userId })
        .remove(remove as never)
        .where((a, op) => `${op.eq(a.updatedAt, current.updatedAt)} AND ${op.eq(a.listing, "listed")}`)
        .commit(),
      () => conflict("item.changed", "The item changed meanwhile (lent or returned?); reload and try again"),
    ),
    recordAudit(tx, { studioId, actorId: actor.userId, action: "item.updated", entityType: "inventoryItem", entityId: itemId, before: current, after }),
  ]);
  return toItem(after, { staff: true });
}
