import { accentOf, contrast, textOn } from "@studiosync/core/kernel";

/** CSS custom properties for an accent colour: the colour, readable text on it, and a link colour readable on white. */
export function accentVars(color: string | null | undefined): Record<string, string> {
  const accent = accentOf(color);
  return {
    "--accent": accent,
    "--on-accent": textOn(accent),
    "--accent-ink": contrast(accent, "#ffffff") >= 4.5 ? accent : "#1f2937",
    // A focus ring must stand out from white and the page (WCAG 2.2: 3:1); a pale brand colour gets a dark ring.
    "--focus": contrast(accent, "#ffffff") >= 3 ? accent : "#1f2937",
  };
}

/** The accent's custom properties as an inline style (a layout's <body>). */
export const accentStyle = (color: string | null | undefined) =>
  Object.entries(accentVars(color))
    .map(([k, v]) => `${k}:${v}`)
    .join(";");
