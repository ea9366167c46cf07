import { field } from "./form";
import { moneyToInput, parseMoney, parsePercent, percentToInput } from "./money-input";
import type { FieldErrors } from "./problem";

/**
 * The invoice editor's form (a draft's lines, discount, notes and due date) ↔ the API's invoice
 * body. Inputs are named by the API's field paths (`lines.0.description`, `discount.value`), so a
 * problem from the API lands under the field that caused it. Amounts parse exactly (money-input);
 * the totals are always the API's, never computed here.
 */
export interface LineValues {
  lineId: string;
  description: string;
  quantity: string;
  unitPrice: string;
}

export interface InvoiceFormValues {
  lines: LineValues[];
  discountKind: "" | "percent" | "fixed";
  discountValue: string;
  discountDescription: string;
  notes: string;
  dueDate: string;
  /** The due date as loaded: unchanged, it is not sent (so a draft keeps following the payment terms). */
  dueDateWas: string;
}

export interface InvoiceBody {
  lines: { lineId?: string; description: string; quantity: number; unitPriceMinor: number }[];
  discount: { kind: "percent" | "fixed"; value: number; description?: string } | null;
  notes: string | null;
  /** Left out while the field still shows the date it was loaded with (the payment terms' default). */
  dueDate?: string | null;
}

export const INVOICE_FIELD_LABELS: Record<string, string> = {
  lines: "Lines",
  "discount.value": "Discount",
  "discount.kind": "Discount",
  "discount.description": "Discount reason",
  notes: "Notes",
  dueDate: "Due date",
  accountId: "Bill to",
};

/** Whether an API error path has a field in the editor (the others go in the message at the top). */
export const isEditorField = (path: string) => path in INVOICE_FIELD_LABELS || /^lines\.\d+\.(description|quantity|unitPriceMinor)$/.test(path);

const blankLine = (): LineValues => ({ lineId: "", description: "", quantity: "1", unitPrice: "" });

/** A stored invoice → the editor's values, with one blank line to add. */
export function invoiceValues(
  invoice: {
    lines: { id: string; description: string; quantity: number; unitPriceMinor: number }[];
    discount: { kind: "percent" | "fixed"; value: number; description: string | null } | null;
    notes: string | null;
    dueDate: string;
  },
  currency: string,
): InvoiceFormValues {
  const d = invoice.discount;
  return {
    lines: [
      ...invoice.lines.map((l) => ({
        lineId: l.id,
        description: l.description,
        quantity: String(l.quantity),
        unitPrice: moneyToInput(l.unitPriceMinor, currency),
      })),
      blankLine(),
    ],
    discountKind: d?.kind ?? "",
    discountValue: !d ? "" : d.kind === "percent" ? percentToInput(d.value) : moneyToInput(d.value, currency),
    discountDescription: d?.description ?? "",
    notes: invoice.notes ?? "",
    dueDate: invoice.dueDate,
    dueDateWas: invoice.dueDate,
  };
}

export const emptyInvoiceValues = (): InvoiceFormValues => ({
  lines: [blankLine(), blankLine()],
  discountKind: "",
  discountValue: "",
  discountDescription: "",
  notes: "",
  dueDate: "",
  dueDateWas: "",
});

/**
 * Reads the editor. Lines ticked "Remove" and blank lines are left out, and the kept ones are shown
 * again in the body's order, so the API's `lines.<i>.…` errors name the row as shown.
 */
export function readInvoiceForm(form: FormData, currency: string) {
  const count = Math.min(100, Number(field(form, "lineCount")) || 0);
  const errors: FieldErrors = {};
  const values: InvoiceFormValues = {
    lines: [],
    discountKind: (["percent", "fixed"].includes(field(form, "discount.kind")) ? field(form, "discount.kind") : "") as InvoiceFormValues["discountKind"],
    discountValue: field(form, "discount.value"),
    discountDescription: field(form, "discount.description"),
    notes: field(form, "notes"),
    dueDate: field(form, "dueDate"),
    dueDateWas: field(form, "dueDateWas"),
  };
  const body: InvoiceBody = { lines: [], discount: null, notes: values.notes || null };
  if (values.dueDate !== field(form, "dueDateWas")) body.dueDate = values.dueDate || null;
  for (let i = 0; i < count; i++) {
    const line: LineValues = {
      lineId: field(form, `lines.${i}.lineId`),
      description: field(form, `lines.${i}.description`),
      quantity: field(form, `lines.${i}.quantity`),
      unitPrice: field(form, `lines.${i}.unitPriceMinor`),
    };
    if (form.get(`lines.${i}.remove`)) continue;
    if (!line.lineId && !line.description && !line.unitPrice) continue;
    const row = values.lines.length;
    values.lines.push(line);
    const quantity = /^\d{1,5}$/.test(line.quantity) ? Number(line.quantity) : NaN;
    if (!Number.isInteger(quantity) || quantity < 1) errors[`lines.${row}.quantity`] = "Enter a whole number of at least 1.";
    const price = parseMoney(line.unitPrice, currency, { allowNegative: true });
    if (!price.ok) errors[`lines.${row}.unitPriceMinor`] = price.reason;
    if (!line.description) errors[`lines.${row}.description`] = "Describe what this line is for.";
    body.lines.push({ ...(line.lineId && { lineId: line.lineId }), description: line.description, quantity, unitPriceMinor: price.ok ? price.value : 0 });
  }
  if (body.lines.length === 0) errors.lines = "Add at least one line.";
  if (values.discountKind && values.discountValue) {
    const parsed = values.discountKind === "percent" ? parsePercent(values.discountValue) : parseMoney(values.discountValue, currency);
    if (!parsed.ok) errors["discount.value"] = parsed.reason;
    else body.discount = { kind: values.discountKind, value: parsed.value, ...(values.discountDescription && { description: values.discountDescription }) };
  }
  values.lines.push(blankLine());
  return { values, body, errors };
}
