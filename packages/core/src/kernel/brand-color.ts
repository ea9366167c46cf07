/** Theme colours come from studio owners; only "#rrggbb" ever reaches a style attribute (pages and emails). */
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

/** Dark or white text, whichever reads better on a background. */
export const textOn = (background: string) => (contrast(background, "#ffffff") >= contrast(background, "#111827") ? "#ffffff" : "#111827");

/** A studio's accent, or StudioSync's when it has none (or an invalid one). */
export const accentOf = (color: string | null | undefined) => (isHexColor(color) ? color.toLowerCase() : DEFAULT_ACCENT);
