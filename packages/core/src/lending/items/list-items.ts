import { page, type Page } from "../../kernel/pagination/pagination";
import { isStaff, loadStudioMember, type Actor } from "../../policy";
import { lendingDb } from "../lending-db";
import type { InventoryItemRecord } from "../item.entity";
import { availabilityOf, isLowStock, toItem, type InventoryItem } from "./item-view";
import type { ListItemsQuery } from "./schemas";
import { nameKeyOf } from "./item-rules";

/**
 * The studio's listed items by category, then name: one query of `itemsByName` (a category is a
 * key prefix). Staff see every item; students and parents only the borrowable ones. Status,
 * low stock, borrowable and a part of the name are filters, so a page may hold fewer than `limit`.
 */
export async function listItems(actor: Actor, studioId: string, query: ListItemsQuery): Promise<Page<InventoryItem>> {
  const { member } = await loadStudioMember(actor, studioId);
  const staff = isStaff(member);
  const borrowableOnly = !staff || query.borrowable === true;
  const q = query.q ? nameKeyOf(query.q) : undefined;
  const keep = (items: InventoryItemRecord[]) =>
    items.filter(
      (r) =>
        (!borrowableOnly || (r.isBorrowable && r.status !== "retired")) &&
        (query.borrowable !== false || !r.isBorrowable) &&
        (!query.status || availabilityOf(r) === query.status) &&
        (!query.lowStock || isLowStock(r)) &&
        (!q || r.nameKey.includes(q)),
    );
  const byName = lendingDb().entities.inventoryItem.query.itemsByName({ studioId, listing: "listed", ...(query.category ? { category: query.category } : {}) });
  const records = await page({ studioId, list: "items", params: { staff } }, (options) => byName.go({ ...options, pages: 1 }), query, keep);
  return { items: records.items.map((r) => toItem(r, { staff })), nextCursor: records.nextCursor };
}
