import { invalidField } from "../../kernel/errors";

interface ItemShape {
  isConsumable: boolean;
  isBorrowable: boolean;
}

/** Consumables (strings, reeds) are handed out from stock, not lent: they cannot be borrowable. */
export function assertItemShape(item: ItemShape): void {
  if (item.isConsumable && item.isBorrowable) throw invalidField("isBorrowable", "a consumable is handed out from stock, not lent; it cannot be borrowable");
}

/** The lower-cased, trimmed name items sort by. */
export const nameKeyOf = (name: string) => name.trim().toLocaleLowerCase("en");
