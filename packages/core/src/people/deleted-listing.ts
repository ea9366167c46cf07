import { AppError } from "../kernel/errors";
import { isStudioAdmin, type StudioMember } from "../policy";
import type { Listing } from "../kernel/db/attributes";

/**
 * Which partition of a people list's indexes a query reads: the listed records, or with
 * `deleted: true` the soft-deleted ones (owners and admins only, so they can find and restore
 * them; anyone else is refused with 403 naming `deleted`). Either way one query per page.
 */
export function listingFor(member: StudioMember, deleted: boolean | undefined): Listing {
  if (!deleted) return "listed";
  if (!isStudioAdmin(member)) {
    throw new AppError("people.deleted_admins_only", "Only owners and admins list deleted records", {
      errors: [{ path: "deleted", message: "is for owners and admins only" }],
    });
  }
  return "deleted";
}

/** A record of a deleted list says when it was deleted; listed records leave the field out. */
export function withDeletedAt<T extends object>(item: T, record: { deletedAt?: string }, listing: Listing): T & { deletedAt?: string } {
  return listing === "deleted" && record.deletedAt ? { ...item, deletedAt: record.deletedAt } : item;
}
