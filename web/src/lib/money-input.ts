/**
 * Amounts typed into forms → the integers the API takes, exactly: "12.50" → 1250 minor units,
 * "8.875" % → 8875 thousandths of a percent. Pure string arithmetic (never floats), so "0.1" + "0.2"
 * style errors cannot creep in; and the reverse, to put a stored amount back into a field.
 */

export type Parsed = { ok: true; value: number } | { ok: false; reason: string };

/** The largest amount anywhere (the API's MAX_AMOUNT_MINOR: 10 million in major units). */
const MAX_INTEGER = 1_000_000_000;

/** How many decimals a currency's minor unit has: GBP 2, JPY 0, BHD 3. */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/**
 * A decimal string scaled by 10^scale to a whole number: "1,234.5" at scale 2 → 123450.
 * Accepts spaces, a leading currency symbol and commas grouping thousands; "." is the decimal point.
 */
export function parseScaled(input: string, scale: number, options: { allowNegative?: boolean; example?: string } = {}): Parsed {
  const example = options.example ?? (scale ? `12.${"5".padEnd(scale, "0")}` : "12");
  let text = input.replace(/\s+/g, "").replace(/^([-−]?)[^\d.,\-−]+/u, "$1");
  if (!text) return { ok: false, reason: `Enter an amount, like ${example}.` };
  let negative = false;
  if (/^[-−]/u.test(text)) {
    negative = true;
    text = text.slice(1);
  }
  if (negative && !options.allowNegative) return { ok: false, reason: "Enter an amount above zero." };
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d*))?$/.exec(text);
  if (!match || (!match[1] && !match[2])) return { ok: false, reason: `Enter an amount in figures, like ${example}.` };
  const whole = (match[1] ?? "0").replaceAll(",", "");
  const fraction = match[2] ?? "";
  if (fraction.length > scale) {
    return { ok: false, reason: scale ? `Use at most ${scale} decimal place${scale === 1 ? "" : "s"}.` : "Enter a whole amount, with no decimals." };
  }
  const digits = (whole + fraction.padEnd(scale, "0")).replace(/^0+(?=\d)/, "");
  if (digits.length > String(MAX_INTEGER).length || Number(digits) > MAX_INTEGER) return { ok: false, reason: "That amount is too large." };
  const value = Number(digits);
  return { ok: true, value: negative && value !== 0 ? -value : value };
}

/** Money typed in major units ("52.50") → integer minor units of `currency` (5250). */
export const parseMoney = (input: string, currency: string, options: { allowNegative?: boolean } = {}) => parseScaled(input, minorDigits(currency), options);

/** A percentage ("8.875") → thousandths of a percent (8875), 0–100. */
export function parsePercent(input: string): Parsed {
  const parsed = parseScaled(input.replace(/%$/, ""), 3, { example: "20 or 8.875" });
  if (parsed.ok && parsed.value > 100_000) return { ok: false, reason: "Enter a percentage from 0 to 100." };
  return parsed;
}

/** A whole number scaled by 10^scale back to its decimal string: 123450 at scale 2 → "1234.50". */
export function scaledToInput(value: number, scale: number, trimZeros = false): string {
  const sign = value < 0 ? "-" : "";
  const digits = String(Math.abs(Math.trunc(value))).padStart(scale + 1, "0");
  const whole = digits.slice(0, digits.length - scale);
  let fraction = scale ? digits.slice(-scale) : "";
  if (trimZeros) fraction = fraction.replace(/0+$/, "");
  return `${sign}${whole}${fraction ? `.${fraction}` : ""}`;
}

/** Minor units → the text a money field is prefilled with (1250 GBP → "12.50"). */
export const moneyToInput = (minor: number, currency: string) => scaledToInput(minor, minorDigits(currency));

/** Thousandths of a percent → the text a percentage field is prefilled with (8875 → "8.875", 20000 → "20"). */
export const percentToInput = (millipercent: number) => scaledToInput(millipercent, 3, true);
