import { assertMay, type Actor } from "../../policy";
import { itemLoans } from "../loans/list-loans";
import { studioToday } from "../loans/loan-access";
import { loadItem } from "./item-access";
import { toItem } from "./item-view";
import { maintenanceLog } from "./maintenance";

/** How much of an item's history comes with it (`include=history`): the first page of each list. */
export const ITEM_HISTORY_LIMIT = 50;

/**
 * One item: staff see every item in full; students and parents the borrowable ones (404
 * otherwise). With `history` (staff), its newest loans and maintenance entries come with it —
 * each the first page its own list route gives, read in parallel after the item.
 */
export async function getItem(actor: Actor, studioId: string, itemId: string, { history = false } = {}, now = new Date()) {
  const { member, studio, item, staff } = await loadItem(actor, studioId, itemId);
  const view = toItem(item, { staff });
  if (!history) return view;
  assertMay(member, "item.history");
  const page = { limit: ITEM_HISTORY_LIMIT };
  const [loans, maintenance] = await Promise.all([itemLoans(studioId, itemId, page, studioToday(studio, now)), maintenanceLog(studioId, itemId, page)]);
  return { ...view, history: { loans, maintenance } };
}
