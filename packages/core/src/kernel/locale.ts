const FALLBACK_LOCALE = "en-GB";

/**
 * The locale a studio's pages and emails write dates and money in: English with the conventions
 * of the studio's region (en-US: "Dec 7, 4:00 PM", "$52.50"; en-AU: "7 Dec, 16:00", "$52.50";
 * en-GB: "7 Dec, 16:00", "£52.50"). The region is the studio's country when it is a two-letter
 * code, else the country its currency belongs to (ISO 4217 codes start with it: AUD → AU; the
 * euro → Europe), else en-GB.
 */
export function localeFor(country: string | null | undefined, currency?: string | null): string {
  const region = /^[A-Za-z]{2}$/.test(country ?? "")
    ? country!.toUpperCase()
    : currency === "EUR"
      ? "150"
      : currency && /^[A-W][A-Z]{2}$/.test(currency)
        ? currency.slice(0, 2)
        : undefined;
  return (region && Intl.DateTimeFormat.supportedLocalesOf([`en-${region}`])[0]) || FALLBACK_LOCALE;
}
