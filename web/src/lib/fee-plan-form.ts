import { field } from "./form";
import { parseMoney } from "./money-input";
import type { FieldErrors } from "./problem";

/** A fee plan's form ↔ the API's body; the amount parses exactly (money-input). */
export interface FeePlanValues {
  name: string;
  kind: string;
  amount: string;
  description: string;
  termStart: string;
  termEnd: string;
  lessonCount: string;
}

export const FEE_PLAN_LABELS: Record<string, string> = {
  name: "Name",
  kind: "Kind",
  amountMinor: "Amount",
  description: "Description",
  termStart: "Term starts",
  termEnd: "Term ends",
  lessonCount: "Lessons in the term",
};

export const emptyFeePlan = (): FeePlanValues => ({ name: "", kind: "per_lesson", amount: "", description: "", termStart: "", termEnd: "", lessonCount: "" });

export function readFeePlanForm(form: FormData, currency: string) {
  const values: FeePlanValues = {
    name: field(form, "name"),
    kind: field(form, "kind"),
    amount: field(form, "amountMinor"),
    description: field(form, "description"),
    termStart: field(form, "termStart"),
    termEnd: field(form, "termEnd"),
    lessonCount: field(form, "lessonCount"),
  };
  const errors: FieldErrors = {};
  const amount = parseMoney(values.amount, currency);
  if (!amount.ok) errors.amountMinor = amount.reason;
  if (values.lessonCount && !/^\d{1,3}$/.test(values.lessonCount)) errors.lessonCount = "Enter a whole number.";
  const term = values.kind === "term";
  const body = {
    name: values.name,
    amountMinor: amount.ok ? amount.value : 0,
    description: values.description || null,
    ...(term && values.termStart && { termStart: values.termStart }),
    ...(term && values.termEnd && { termEnd: values.termEnd }),
    ...(term && { lessonCount: values.lessonCount ? Number(values.lessonCount) : null }),
  };
  return { values, errors, body };
}
