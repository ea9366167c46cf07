import { v7 as uuidv7 } from "uuid";
import { recordAudit } from "../../audit";
import { commitWrites, failsWith } from "../../kernel/db/commit-writes";
import { conflict } from "../../kernel/errors";
import { page, type Page, type PageQuery } from "../../kernel/pagination/pagination";
import { assertMay, type Actor } from "../../policy";
import { lendingDb } from "../lending-db";
import type { MaintenanceEntryRecord } from "../maintenance-entry.entity";
import { loadItem } from "./item-access";
import { toMaintenanceEntry, type MaintenanceEntry } from "./item-view";
import type { AddMaintenanceInput, ListMaintenanceQuery } from "./schemas";

/**
 * Records maintenance of an item (owners, admins): the entry, and on the item its last
 * maintenance date (the later one) and, when given, its condition, in one transaction.
 * Putting an item in or out of maintenance is its status (PATCH the item).
 */
export async function addMaintenance(actor: Actor, studioId: string, itemId: string, input: AddMaintenanceInput): Promise<MaintenanceEntry> {
  const { member, item } = await loadItem(actor, studioId, itemId);
  assertMay(member, "item.manage");
  const now = new Date().toISOString();
  const entry = {
    studioId,
    itemId,
    entryId: uuidv7(),
    performedOn: input.performedOn,
    description: input.description,
    ...(input.costMinor !== undefined ? { costMinor: input.costMinor } : {}),
    ...(input.performedBy ? { performedBy: input.performedBy } : {}),
    ...(input.conditionAfter ? { conditionAfter: input.conditionAfter } : {}),
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  } satisfies MaintenanceEntryRecord;
  const last = item.lastMaintenanceDate && item.lastMaintenanceDate > input.performedOn ? item.lastMaintenanceDate : input.performedOn;
  await commitWrites(lendingDb, (tx) => [
    tx.maintenanceEntry.create(entry).commit(),
    failsWith(
      tx.inventoryItem
        .patch({ studioId, itemId })
        .set({ lastMaintenanceDate: last, ...(input.conditionAfter ? { condition: input.conditionAfter } : {}), updatedBy: actor.userId })
        .where((a, op) => op.eq(a.listing, "listed"))
        .commit(),
      () => conflict("item.changed", "The item was deleted meanwhile"),
    ),
    recordAudit(tx, { studioId, actorId: actor.userId, action: "item.maintained", entityType: "inventoryItem", entityId: itemId, after: entry }),
  ]);
  return toMaintenanceEntry(entry);
}

/** An item's maintenance log, newest first (staff). */
export async function listMaintenance(actor: Actor, studioId: string, itemId: string, query: ListMaintenanceQuery): Promise<Page<MaintenanceEntry>> {
  const { member } = await loadItem(actor, studioId, itemId);
  assertMay(member, "item.history");
  return maintenanceLog(studioId, itemId, query);
}

/** One page of an item's maintenance log, newest first (the item and the member already checked). */
export async function maintenanceLog(studioId: string, itemId: string, query: PageQuery): Promise<Page<MaintenanceEntry>> {
  const records = await page(
    { studioId, list: "maintenance", params: { itemId } },
    (options) =>
      lendingDb()
        .entities.maintenanceEntry.query.maintenanceEntry({ studioId, itemId })
        .go({ ...options, order: "desc", pages: 1 }),
    query,
  );
  return { items: records.items.map(toMaintenanceEntry), nextCursor: records.nextCursor };
}
