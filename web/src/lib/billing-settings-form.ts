import { field } from "./form";
import { moneyToInput, parseMoney, parsePercent, percentToInput } from "./money-input";
import type { FieldErrors } from "./problem";

/**
 * The billing settings form ↔ the API's settings. Inputs are named by the API's paths
 * (`lateFee.afterDays`, `dunning.daysAfter`), so its problems land under them; rates and amounts
 * parse exactly (money-input). Stripe keys have their own form and are never put back in a field.
 */
const KEYS = [
  "taxName",
  "taxRateMillipercent",
  "paymentTermsDays",
  "defaultHourlyRateMinor",
  "lateFee.kind",
  "lateFee.amount",
  "lateFee.afterDays",
  "dunning.daysBefore",
  "dunning.onDueDate",
  "dunning.daysAfter",
  "paymentInstructions",
  "invoiceFooter",
  "autoRun.enabled",
  "autoRun.dayOfMonth",
  "autoRun.period",
] as const;
export type SettingsValues = Record<(typeof KEYS)[number], string>;

export const SETTINGS_LABELS: Record<string, string> = {
  taxName: "Tax name",
  taxRateMillipercent: "Tax rate",
  paymentTermsDays: "Payment terms",
  defaultHourlyRateMinor: "Default hourly rate",
  "lateFee.amountMinor": "Late fee",
  "lateFee.rateMillipercent": "Late fee",
  "lateFee.afterDays": "Late fee after",
  "dunning.daysBefore": "Reminder before the due date",
  "dunning.daysAfter": "Reminders after the due date",
  paymentInstructions: "Payment instructions",
  invoiceFooter: "Invoice footer",
  "autoRun.dayOfMonth": "Day of the month",
  "stripe.publishableKey": "Publishable key",
  "stripe.secretKey": "Secret key",
  "stripe.webhookSecret": "Webhook signing secret",
};

interface Settings {
  currency: string;
  taxRateMillipercent: number;
  taxName: string;
  paymentTermsDays: number;
  defaultHourlyRateMinor: number | null;
  lateFee: { kind: "fixed"; amountMinor: number; afterDays: number } | { kind: "percent"; rateMillipercent: number; afterDays: number } | null;
  dunning: { daysBefore: number; onDueDate: boolean; daysAfter: number[] };
  paymentInstructions: string | null;
  invoiceFooter: string | null;
  autoRun: { enabled: boolean; dayOfMonth: number; period: "previous_month" | "current_month" };
}

export function settingsValues(s: Settings): SettingsValues {
  const fee = s.lateFee;
  return {
    taxName: s.taxName,
    taxRateMillipercent: percentToInput(s.taxRateMillipercent),
    paymentTermsDays: String(s.paymentTermsDays),
    defaultHourlyRateMinor: s.defaultHourlyRateMinor === null ? "" : moneyToInput(s.defaultHourlyRateMinor, s.currency),
    "lateFee.kind": fee?.kind ?? "",
    "lateFee.amount": !fee ? "" : fee.kind === "fixed" ? moneyToInput(fee.amountMinor, s.currency) : percentToInput(fee.rateMillipercent),
    "lateFee.afterDays": fee ? String(fee.afterDays) : "7",
    "dunning.daysBefore": String(s.dunning.daysBefore),
    "dunning.onDueDate": s.dunning.onDueDate ? "1" : "",
    "dunning.daysAfter": s.dunning.daysAfter.join(", "),
    paymentInstructions: s.paymentInstructions ?? "",
    invoiceFooter: s.invoiceFooter ?? "",
    "autoRun.enabled": s.autoRun.enabled ? "1" : "",
    "autoRun.dayOfMonth": String(s.autoRun.dayOfMonth),
    "autoRun.period": s.autoRun.period,
  };
}

const whole = (text: string) => (/^\d{1,4}$/.test(text) ? Number(text) : NaN);

export function readSettingsForm(form: FormData, currency: string) {
  const values = Object.fromEntries(KEYS.map((k) => [k, field(form, k)])) as SettingsValues;
  const errors: FieldErrors = {};
  const number = (key: keyof SettingsValues, path: string = key) => {
    const n = whole(values[key]);
    if (Number.isNaN(n)) errors[path] = "Enter a whole number.";
    return n;
  };
  const tax = parsePercent(values.taxRateMillipercent);
  if (!tax.ok) errors.taxRateMillipercent = tax.reason;
  const rate = values.defaultHourlyRateMinor ? parseMoney(values.defaultHourlyRateMinor, currency) : null;
  if (rate && !rate.ok) errors.defaultHourlyRateMinor = rate.reason;
  let lateFee: Settings["lateFee"] = null;
  if (values["lateFee.kind"] === "fixed" || values["lateFee.kind"] === "percent") {
    const afterDays = number("lateFee.afterDays");
    if (values["lateFee.kind"] === "fixed") {
      const amount = parseMoney(values["lateFee.amount"], currency);
      if (!amount.ok) errors["lateFee.amountMinor"] = amount.reason;
      else lateFee = { kind: "fixed", amountMinor: amount.value, afterDays };
    } else {
      const pct = parsePercent(values["lateFee.amount"]);
      if (!pct.ok) errors["lateFee.rateMillipercent"] = pct.reason;
      else lateFee = { kind: "percent", rateMillipercent: pct.value, afterDays };
    }
  }
  const daysAfterText = values["dunning.daysAfter"].split(/[,\s]+/).filter(Boolean);
  const daysAfter = daysAfterText.map(whole);
  if (daysAfter.some(Number.isNaN)) errors["dunning.daysAfter"] = "List whole numbers of days, like 3, 7, 14.";
  const body = {
    taxName: values.taxName,
    taxRateMillipercent: tax.ok ? tax.value : 0,
    paymentTermsDays: number("paymentTermsDays"),
    defaultHourlyRateMinor: rate?.ok ? rate.value : null,
    lateFee,
    dunning: { daysBefore: number("dunning.daysBefore"), onDueDate: values["dunning.onDueDate"] === "1", daysAfter },
    paymentInstructions: values.paymentInstructions || null,
    invoiceFooter: values.invoiceFooter || null,
    autoRun: {
      enabled: values["autoRun.enabled"] === "1",
      dayOfMonth: number("autoRun.dayOfMonth"),
      period: (values["autoRun.period"] === "current_month" ? "current_month" : "previous_month") as Settings["autoRun"]["period"],
    },
  };
  return { values, errors, body };
}
