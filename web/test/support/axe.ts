import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

/** axe-core's browser bundle, read once and injected into each page checked. */
let source: string | undefined;
const axeSource = () => (source ??= readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8"));

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core (WCAG 2.0–2.2 A/AA rules) on the page as it is now and returns the serious and
 * critical violations, each with the elements it names, so a failing test says what to fix. It
 * first waits for the page a click has just opened to be parsed (a click returns once the
 * navigation commits, before the new document has a head to add the script to).
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.waitForLoadState("load");
  await page.addScriptTag({ content: axeSource() });
  const result = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: RawViolation[] }> } }).axe;
    interface RawViolation {
      id: string;
      impact: string | null;
      help: string;
      nodes: { target: unknown[] }[];
    }
    const { violations } = await axe.run((globalThis as unknown as { document: unknown }).document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
      resultTypes: ["violations"],
    });
    return violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.map(String).join(" ")) }));
  });
  return result.filter((v) => v.impact === "serious" || v.impact === "critical");
}
