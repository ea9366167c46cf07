import { field } from "./form";
import { parseMoney } from "./money-input";
import type { FieldErrors } from "./problem";
import type { Tone } from "./tone";

/**
 * Lending and inventory in words (the studio's vocabulary, never the API's), and the item and
 * loan forms: what was typed, the body the API takes, and the errors money fields raise here.
 */
export const CATEGORY_WORDS: Record<string, string> = {
  instrument: "Instrument",
  equipment: "Equipment",
  "sheet-music": "Sheet music",
  accessories: "Accessories",
  other: "Other",
};
export const CONDITION_WORDS: Record<string, string> = { excellent: "Excellent", good: "Good", fair: "Fair", "needs-repair": "Needs repair" };
export const ITEM_STATUS: Record<string, { label: string; tone: Tone }> = {
  available: { label: "Available", tone: "success" },
  on_loan: { label: "On loan", tone: "info" },
  maintenance: { label: "In maintenance", tone: "warning" },
  retired: { label: "Retired", tone: "neutral" },
};
export const LOAN_STATUS: Record<string, { label: string; tone: Tone }> = {
  requested: { label: "Asked for", tone: "info" },
  out: { label: "On loan", tone: "success" },
  returned: { label: "Returned", tone: "neutral" },
  declined: { label: "Declined", tone: "neutral" },
  cancelled: { label: "Withdrawn", tone: "neutral" },
};
export const loanBadge = (loan: { status: string; isOverdue: boolean }) =>
  loan.isOverdue ? { label: "Overdue", tone: "danger" as Tone } : (LOAN_STATUS[loan.status] ?? { label: loan.status, tone: "neutral" as Tone });

export const options = (words: Record<string, string>) => Object.entries(words).map(([value, label]) => ({ value, label }));

export const inventoryHref = (base: string, rest = "") => `${base}/inventory${rest}`;

/** The item form as typed. */
export interface ItemValues {
  name: string;
  category: string;
  serialNumber: string;
  condition: string;
  status: string;
  location: string;
  value: string;
  purchaseDate: string;
  quantity: string;
  isConsumable: boolean;
  lowStockThreshold: string;
  isBorrowable: boolean;
  maxLoanDays: string;
  deposit: string;
  rentalFee: string;
  notes: string;
}

export const ITEM_LABELS: Record<keyof ItemValues, string> = {
  name: "Name",
  category: "Category",
  serialNumber: "Serial number",
  condition: "Condition",
  status: "Status",
  location: "Where it is kept",
  value: "Value",
  purchaseDate: "Bought on",
  quantity: "How many the studio has",
  isConsumable: "Handed out, not lent (strings, reeds…)",
  lowStockThreshold: "Low stock at",
  isBorrowable: "Families may ask to borrow it",
  maxLoanDays: "Longest loan (days)",
  deposit: "Deposit",
  rentalFee: "Rental fee per loan",
  notes: "Notes (staff only)",
};

export const EMPTY_ITEM: ItemValues = {
  name: "",
  category: "instrument",
  serialNumber: "",
  condition: "good",
  status: "available",
  location: "",
  value: "",
  purchaseDate: "",
  quantity: "1",
  isConsumable: false,
  lowStockThreshold: "",
  isBorrowable: true,
  maxLoanDays: "",
  deposit: "",
  rentalFee: "",
  notes: "",
};

const money = (minor: number | null, toInput: (minor: number) => string) => (minor === null ? "" : toInput(minor));

export function itemValuesOf(
  item: {
    name: string;
    category: string;
    serialNumber: string | null;
    condition: string;
    status: string;
    location: string | null;
    valueMinor: number | null;
    purchaseDate: string | null;
    quantity: number;
    isConsumable: boolean;
    lowStockThreshold: number | null;
    isBorrowable: boolean;
    maxLoanDays: number | null;
    depositMinor: number | null;
    rentalFeeMinor: number | null;
    notes: string | null;
  },
  toInput: (minor: number) => string,
): ItemValues {
  return {
    name: item.name,
    category: item.category,
    serialNumber: item.serialNumber ?? "",
    condition: item.condition,
    status: item.status === "on_loan" ? "available" : item.status,
    location: item.location ?? "",
    value: money(item.valueMinor, toInput),
    purchaseDate: item.purchaseDate ?? "",
    quantity: String(item.quantity),
    isConsumable: item.isConsumable,
    lowStockThreshold: item.lowStockThreshold === null ? "" : String(item.lowStockThreshold),
    isBorrowable: item.isBorrowable,
    maxLoanDays: item.maxLoanDays === null ? "" : String(item.maxLoanDays),
    deposit: money(item.depositMinor, toInput),
    rentalFee: money(item.rentalFeeMinor, toInput),
    notes: item.notes ?? "",
  };
}

export function itemValuesFrom(form: FormData): ItemValues {
  const text = (name: keyof ItemValues) => field(form, name);
  return {
    name: text("name"),
    category: text("category"),
    serialNumber: text("serialNumber"),
    condition: text("condition"),
    status: text("status"),
    location: text("location"),
    value: text("value"),
    purchaseDate: text("purchaseDate"),
    quantity: text("quantity"),
    isConsumable: form.get("isConsumable") === "on",
    lowStockThreshold: text("lowStockThreshold"),
    isBorrowable: form.get("isBorrowable") === "on",
    maxLoanDays: text("maxLoanDays"),
    deposit: text("deposit"),
    rentalFee: text("rentalFee"),
    notes: text("notes"),
  };
}

/** A whole number typed in a field, or the text itself (the API names it if it is not one). */
const wholeOf = (text: string): number | string => (/^\d+$/.test(text) ? Number(text) : text);

/**
 * The API body of the item form. Blank fields are left out on create and cleared (null) on
 * update; money is parsed here exactly (its errors come back in `errors`, keyed by the form's field).
 */
export function itemBody(values: ItemValues, mode: "create" | "update", currency: string): { body: Record<string, unknown>; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const blank = mode === "create" ? undefined : null;
  const opt = (text: string) => (text ? text : blank);
  const amount = (name: "value" | "deposit" | "rentalFee") => {
    if (!values[name]) return blank;
    const parsed = parseMoney(values[name], currency);
    if (parsed.ok) return parsed.value;
    errors[name] = parsed.reason;
    return undefined;
  };
  const count = (text: string) => (text ? wholeOf(text) : blank);
  const body: Record<string, unknown> = {
    name: values.name,
    category: values.category,
    serialNumber: opt(values.serialNumber),
    condition: values.condition,
    status: values.status,
    location: opt(values.location),
    valueMinor: amount("value"),
    purchaseDate: opt(values.purchaseDate),
    quantity: values.quantity ? wholeOf(values.quantity) : undefined,
    isConsumable: values.isConsumable,
    lowStockThreshold: count(values.lowStockThreshold),
    isBorrowable: values.isBorrowable,
    maxLoanDays: count(values.maxLoanDays),
    depositMinor: amount("deposit"),
    rentalFeeMinor: amount("rentalFee"),
    notes: opt(values.notes),
  };
  for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
  return { body, errors };
}

/** API field paths → the form's fields. */
export const ITEM_PATHS: Record<string, keyof ItemValues> = { valueMinor: "value", depositMinor: "deposit", rentalFeeMinor: "rentalFee" };

export function formErrors(apiErrors: FieldErrors, paths: Record<string, string> = ITEM_PATHS): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(apiErrors)) out[paths[path] ?? path] = message;
  return out;
}

/** An optional money field of a loan form: minor units, undefined when blank, or the reason it is not money. */
export function optionalMoney(form: FormData, name: string, currency: string): { value?: number; error?: string } {
  const text = field(form, name);
  if (!text) return {};
  const parsed = parseMoney(text, currency);
  return parsed.ok ? { value: parsed.value } : { error: parsed.reason };
}
