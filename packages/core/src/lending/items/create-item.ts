import { v7 as uuidv7 } from "uuid";
import { recordAudit } from "../../audit";
import { commitWrites } from "../../kernel/db/commit-writes";
import { assertMay, loadStudioMember, type Actor } from "../../policy";
import { withoutEmpty } from "../../people";
import { lendingDb } from "../lending-db";
import type { InventoryItemRecord } from "../item.entity";
import { assertItemShape, nameKeyOf } from "./item-rules";
import { toItem } from "./item-view";
import type { CreateItemInput } from "./schemas";

/** Adds an item to the inventory (owners, admins): all its units are in the studio. */
export async function createItem(actor: Actor, studioId: string, input: CreateItemInput) {
  const { member } = await loadStudioMember(actor, studioId);
  assertMay(member, "item.manage");
  const fields = withoutEmpty(input);
  const quantity = fields.quantity ?? 1;
  const isConsumable = fields.isConsumable ?? false;
  const isBorrowable = fields.isBorrowable ?? !isConsumable;
  assertItemShape({ isConsumable, isBorrowable });
  const now = new Date().toISOString();
  const record = {
    ...fields,
    studioId,
    itemId: uuidv7(),
    name: input.name,
    nameKey: nameKeyOf(input.name),
    category: input.category,
    condition: fields.condition ?? "good",
    status: fields.status ?? "available",
    quantity,
    availableQuantity: quantity,
    isConsumable,
    isBorrowable,
    listing: "listed" as const,
    createdBy: actor.userId,
    updatedBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  } satisfies InventoryItemRecord;
  await commitWrites(lendingDb, (tx) => [
    tx.inventoryItem.create(record).commit(),
    recordAudit(tx, { studioId, actorId: actor.userId, action: "item.created", entityType: "inventoryItem", entityId: record.itemId, after: record }),
  ]);
  return toItem(record, { staff: true });
}
