import type { Actor } from "../../policy";
import { loadItem } from "./item-access";
import { toItem } from "./item-view";

/** One item: staff see every item in full; students and parents the borrowable ones (404 otherwise). */
export async function getItem(actor: Actor, studioId: string, itemId: string) {
  const { item, staff } = await loadItem(actor, studioId, itemId);
  return toItem(item, { staff });
}
