/** Theme colours come from studio owners; only "#rrggbb" ever reaches a style attribute. */
export const DEFAULT_ACCENT = "#4338ca";

export function isHexColor(value: unknown): value is string {
  return typeof value === "string" && /^#[0-9a-f]{6}$/i.test(value);
}

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** The WCAG contrast ratio of two "#rrggbb" colours (1–21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** CSS custom properties for an accent colour: the colour, readable text on it, and a link colour readable on white. */
export function accentVars(color: string | null | undefined): Record<string, string> {
  const accent = isHexColor(color) ? color.toLowerCase() : DEFAULT_ACCENT;
  return {
    "--accent": accent,
    "--on-accent": contrast(accent, "#ffffff") >= contrast(accent, "#111827") ? "#ffffff" : "#111827",
    "--accent-ink": contrast(accent, "#ffffff") >= 4.5 ? accent : "#1f2937",
    // A focus ring must stand out from white and the page (WCAG 2.2: 3:1); a pale brand colour gets a dark ring.
    "--focus": contrast(accent, "#ffffff") >= 3 ? accent : "#1f2937",
  };
}

/** Dark or white text, whichever reads better on a background (the calendar's teacher colours). */
export const textOn = (background: string) => (contrast(background, "#ffffff") >= contrast(background, "#111827") ? "#ffffff" : "#111827");
