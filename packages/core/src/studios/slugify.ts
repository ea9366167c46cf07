import { randomBytes } from "node:crypto";
import { RESERVED_SLUGS } from "./reserved-slugs";

/** A slug derived from a studio name ("Riverside Music Co." → "riverside-music-co"). */
export function slugFromName(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 32)
    .replace(/-+$/g, "");
  return base.length >= 3 && !RESERVED_SLUGS.has(base) ? base : withSuffix(base || "studio");
}

/** The same slug with a short random suffix, for when the derived one is taken. */
export function withSuffix(slug: string): string {
  return `${slug.slice(0, 32)}-${randomBytes(3).toString("hex")}`;
}
