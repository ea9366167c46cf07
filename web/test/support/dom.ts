import type { Locator } from "playwright-core";

// The root tsconfig has no DOM lib (it type-checks Node code); these run in the page, so describe
// the little of the DOM they touch here.
interface BrowserWindow {
  getComputedStyle(element: unknown): { getPropertyValue(property: string): string };
}
interface ImageElement {
  decode(): Promise<void>;
  naturalWidth: number;
}

/** A computed CSS property of the element, e.g. "background-color" → "rgb(15, 118, 110)". */
export function computedStyle(locator: Locator, property: string): Promise<string> {
  return locator.evaluate((element, name) => (globalThis as unknown as BrowserWindow).getComputedStyle(element).getPropertyValue(name), property);
}

/** The image's intrinsic width once it has loaded and decoded (0 if it is broken). */
export function loadedImageWidth(locator: Locator): Promise<number> {
  return locator.evaluate(async (element) => {
    const image = element as unknown as ImageElement;
    await image.decode().catch(() => undefined);
    return image.naturalWidth;
  });
}
