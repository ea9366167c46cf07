import { z } from "zod";
import { personDateField } from "../../kernel/fields/calendar-fields";
import { pageQuerySchema } from "../../kernel/pagination/pagination";
import { booleanQueryField, requiredText, searchQueryField, text } from "../../people";
import { Money } from "../../billing";
import { ITEM_CATEGORIES, ITEM_CONDITIONS, ITEM_STATUSES } from "../item.entity";

const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { errorMap: () => ({ message: `must be one of ${values.join(", ")}` }) });

export const itemConditionField = oneOf(ITEM_CONDITIONS);

/** Money in minor units of the studio's currency, 0 up to the platform's maximum. */
export const moneyField = z
  .number({ invalid_type_error: "must be a number" })
  .int("must be a whole number of minor units")
  .min(0, "must be at least 0")
  .max(Money.MAX_AMOUNT_MINOR, `must be at most ${Money.MAX_AMOUNT_MINOR}`);

const count = (min: number, max: number) =>
  z.number({ invalid_type_error: "must be a number" }).int("must be a whole number").min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);

export const MAX_QUANTITY = 10_000;
export const MAX_LOAN_DAYS = 730;

const booleanField = z.boolean({ invalid_type_error: "must be true or false" });

/** An inventory item (seeds: InventoryItem). `null` clears a field on PATCH. */
const itemFields = {
  name: requiredText(120),
  category: oneOf(ITEM_CATEGORIES),
  serialNumber: text(80).nullable(),
  condition: itemConditionField,
  /** available, maintenance or retired; "on loan" follows from the units lent. */
  status: oneOf(ITEM_STATUSES),
  location: text(120).nullable(),
  valueMinor: moneyField.nullable(),
  purchaseDate: personDateField.nullable(),
  /** Units in all (lent ones included). */
  quantity: count(1, MAX_QUANTITY),
  isConsumable: booleanField,
  lowStockThreshold: count(0, MAX_QUANTITY).nullable(),
  isBorrowable: booleanField,
  maxLoanDays: count(1, MAX_LOAN_DAYS).nullable(),
  depositMinor: moneyField.nullable(),
  rentalFeeMinor: moneyField.nullable(),
  lastMaintenanceDate: personDateField.nullable(),
  notes: text(2000).nullable(),
};

export const createItemSchema = z.object(itemFields).partial().required({ name: true, category: true }).strict();
export type CreateItemInput = z.infer<typeof createItemSchema>;

export const updateItemSchema = z.object(itemFields).partial().strict();
export type UpdateItemInput = z.infer<typeof updateItemSchema>;

export const ITEM_AVAILABILITY = ["available", "on_loan", "maintenance", "retired"] as const;

export const listItemsQuerySchema = pageQuerySchema.extend({
  category: oneOf(ITEM_CATEGORIES).optional(),
  status: oneOf(ITEM_AVAILABILITY).optional(),
  /** Only items at or below their low-stock threshold. */
  lowStock: booleanQueryField.optional(),
  /** Only items families may ask to borrow (always so for students and parents). */
  borrowable: booleanQueryField.optional(),
  /** Part of the name. */
  q: searchQueryField.optional(),
});
export type ListItemsQuery = z.infer<typeof listItemsQuerySchema>;

export const addMaintenanceSchema = z
  .object({
    performedOn: personDateField,
    description: requiredText(1000),
    costMinor: moneyField,
    performedBy: text(120),
    /** The item's condition after it (sets the item's condition). */
    conditionAfter: itemConditionField,
  })
  .partial()
  .required({ performedOn: true, description: true })
  .strict();
export type AddMaintenanceInput = z.infer<typeof addMaintenanceSchema>;

export const listMaintenanceQuerySchema = pageQuerySchema;
export type ListMaintenanceQuery = z.infer<typeof listMaintenanceQuerySchema>;
