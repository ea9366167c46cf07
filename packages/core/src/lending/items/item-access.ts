import { itemOf } from "../../kernel/db/read-together";
import { assertMay, hiddenRecord, isStaff, loadMemberWith, type Actor } from "../../policy";
import { lendingDb } from "../lending-db";
import type { InventoryItemRecord } from "../item.entity";

export const itemRead = (studioId: string, itemId: string) => itemOf(lendingDb().entities.inventoryItem, { studioId, itemId });

/** A listed item the member may see (families: borrowable ones), or a 404 for missing, deleted and hidden alike. */
export function visibleItem(member: Parameters<typeof isStaff>[0], record: InventoryItemRecord | null): InventoryItemRecord {
  if (!record || record.listing !== "listed") throw hiddenRecord("Item");
  assertMay(member, "item.view", { isBorrowable: record.isBorrowable });
  return record;
}

/** The actor as a member, the studio and an item they may see, in one read. */
export async function loadItem(actor: Actor, studioId: string, itemId: string) {
  const { member, studio, records } = await loadMemberWith(actor, studioId, itemRead(studioId, itemId));
  const item = visibleItem(member, records[0] as InventoryItemRecord | null);
  return { member, studio, item, staff: isStaff(member) };
}
