import { field } from "./form";
import { moneyToInput, parseMoney } from "./money-input";
import type { FieldErrors } from "./problem";
import { hoursErrors, hoursFromForm, hoursToValues, weekLabels, type WorkingRange } from "./weekly-hours";

export interface BookingSettings {
  trialsEnabled: boolean;
  trialLengths: number[];
  trialPriceMinor: number;
  minNoticeHours: number;
  horizonDays: number;
  lessonPrices: { minutes: number; priceMinor: number }[];
  businessHours: WorkingRange[];
}

/** Rows the form offers for advertised lesson prices (the API takes up to 8). */
export const PRICE_ROWS = 4;

/** The form's labels, by field name (the error summary links to each). */
export const bookingSettingsLabels = (): Record<string, string> => ({
  trialsEnabled: "Take trial bookings",
  trialLengths: "Trial lengths",
  trialPrice: "Trial price",
  minNoticeHours: "Minimum notice",
  horizonDays: "Booking horizon",
  ...Object.fromEntries(
    Array.from({ length: PRICE_ROWS }, (_, i) => [
      [`price-${i}-minutes`, `Lesson ${i + 1} length`],
      [`price-${i}-amount`, `Lesson ${i + 1} price`],
    ]).flat(),
  ),
  ...weekLabels(),
});

/** Stored settings as the form's values. */
export function settingsToValues(s: BookingSettings, currency: string): Record<string, string> {
  const values: Record<string, string> = {
    trialsEnabled: s.trialsEnabled ? "on" : "",
    trialLengths: s.trialLengths.join(", "),
    trialPrice: moneyToInput(s.trialPriceMinor, currency),
    minNoticeHours: String(s.minNoticeHours),
    horizonDays: String(s.horizonDays),
    ...hoursToValues(s.businessHours),
  };
  s.lessonPrices.slice(0, PRICE_ROWS).forEach((p, i) => {
    values[`price-${i}-minutes`] = String(p.minutes);
    values[`price-${i}-amount`] = moneyToInput(p.priceMinor, currency);
  });
  return values;
}

const wholeOrAsTyped = (text: string) => (/^\d+$/.test(text) ? Number(text) : (text as unknown as number));

/**
 * The form → the API's settings, with the errors the page can tell by itself (a price that is not
 * an amount); numbers not typed as whole numbers are sent as typed, so the API names them.
 * `rows` maps the API's `lessonPrices.<i>` back to the form's row.
 */
export function settingsFromForm(form: FormData, currency: string) {
  const week = hoursFromForm(form);
  const values: Record<string, string> = { ...week.values };
  for (const name of ["trialsEnabled", "trialLengths", "trialPrice", "minNoticeHours", "horizonDays"]) values[name] = field(form, name);
  const errors: FieldErrors = {};
  const trialPrice = values.trialPrice ? parseMoney(values.trialPrice, currency) : ({ ok: true, value: 0 } as const);
  if (!trialPrice.ok) errors.trialPrice = trialPrice.reason;
  const lessonPrices: { minutes: number; priceMinor: number }[] = [];
  const rows: number[] = [];
  for (let i = 0; i < PRICE_ROWS; i++) {
    const minutes = (values[`price-${i}-minutes`] = field(form, `price-${i}-minutes`));
    const amount = (values[`price-${i}-amount`] = field(form, `price-${i}-amount`));
    if (!minutes && !amount) continue;
    const price = parseMoney(amount, currency);
    if (!price.ok) errors[`price-${i}-amount`] = price.reason;
    lessonPrices.push({ minutes: wholeOrAsTyped(minutes), priceMinor: price.ok ? price.value : 0 });
    rows.push(i);
  }
  const settings = {
    trialsEnabled: values.trialsEnabled === "on",
    trialLengths: values
      .trialLengths!.split(/[,\s]+/)
      .filter(Boolean)
      .map(wholeOrAsTyped),
    trialPriceMinor: trialPrice.ok ? trialPrice.value : 0,
    minNoticeHours: wholeOrAsTyped(values.minNoticeHours!),
    horizonDays: wholeOrAsTyped(values.horizonDays!),
    lessonPrices,
    businessHours: week.ranges,
  };
  return { settings, values, errors, rows, weekFields: week.fields };
}

/** The API's field errors under the form's fields. */
export function settingsErrors(api: FieldErrors, rows: number[], weekFields: { start: string; end: string }[]): FieldErrors {
  const out: FieldErrors = hoursErrors(
    Object.fromEntries(Object.entries(api).filter(([path]) => path.startsWith("businessHours"))),
    weekFields,
    "businessHours",
  );
  for (const [path, message] of Object.entries(api)) {
    if (path.startsWith("businessHours")) continue;
    const price = /^lessonPrices\.(\d+)\.(minutes|priceMinor)$/.exec(path);
    const lengths = /^trialLengths(\.\d+)?$/.exec(path);
    if (price) out[`price-${rows[Number(price[1])] ?? 0}-${price[2] === "minutes" ? "minutes" : "amount"}`] ??= message;
    else if (lengths) out.trialLengths ??= message;
    else if (path === "trialPriceMinor") out.trialPrice ??= message;
    else out[path] ??= message;
  }
  return out;
}
