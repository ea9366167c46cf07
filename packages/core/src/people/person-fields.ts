import { LISTINGS, SERVICE, timestamps } from "../kernel/db/attributes";

/**
 * What every person-like record of a studio carries: audit fields, soft delete, and the keys that
 * let lists skip deleted records and search by name or email prefix without a Scan.
 */
export const peopleModel = (entity: string) => ({ entity, version: "1", service: SERVICE });

export const auditedFields = {
  createdBy: { type: "string", readOnly: true },
  updatedBy: { type: "string" },
  deletedAt: { type: "string" },
  /** "deleted" moves a record out of the list indexes (soft delete); restore moves it back. */
  listing: { type: LISTINGS, required: true, default: "listed" },
  /** Lower-cased "first last" (or name): the sort and search key of the name index. */
  nameKey: { type: "string", required: true },
  /** Lower-cased email, or "~" when there is none (sorts last). */
  emailKey: { type: "string", required: true, default: "~" },
  /** Set by CSV import: the same row imported twice is recognised by it. */
  importHash: { type: "string" },
  ...timestamps,
} as const;

/** The normalised search keys of a person's name and email. */
export function searchKeys(name: string, email?: string | null) {
  return {
    nameKey: name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/\s+/g, " ")
      .trim(),
    emailKey: email ? email.trim().toLowerCase() : "~",
  };
}

/** The bookkeeping fields of a new, listed record: its search keys, listing and audit stamps. */
export function newListedFields(actorId: string, name: string, email: string | null | undefined, now: string) {
  return { ...searchKeys(name, email), listing: "listed" as const, createdBy: actorId, updatedBy: actorId, createdAt: now, updatedAt: now };
}
