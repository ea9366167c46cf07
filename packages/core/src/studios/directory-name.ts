/**
 * A studio's name as the operators' directory sorts and searches it (studio.entity.ts
 * `studioDirectory`): accents dropped, lower case, every run of other characters one space, at most
 * 64 characters. "Harmony Hóuse — Music" → "harmony house music"; a slug made from the name
 * ("harmony-house") reads the same, so typing either finds the studio.
 */
export function directoryName(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .slice(0, 64)
    .trimEnd();
}
