import { db, type WriteTx } from "../db";
import { failsWith } from "../kernel/db/commit-writes";
import { conflict } from "../kernel/errors";
import type { MembershipRecord } from "./member-view";

/**
 * A studio keeps at least one active owner. When the target owner stops being one (demoted,
 * deactivated, removed), another active owner must exist; the returned transaction item checks
 * that they still are at commit time (else lastOwner), so two owners demoting each other cannot
 * both succeed.
 * Reads the studio's memberships (bounded by staff size, and only when an owner is affected).
 */
export async function anotherOwnerCheck(target: MembershipRecord) {
  if (target.role !== "owner") return undefined;
  const { data: owners } = await db()
    .entities.membership.query.member({ studioId: target.studioId })
    .where((a, op) => `${op.eq(a.role, "owner")} AND ${op.notExists(a.deletedAt)} AND ${op.notExists(a.deactivatedAt)}`)
    .go({ pages: "all" });
  const other = owners.find((m) => m.userId !== target.userId);
  if (!other) throw lastOwner();
  return (tx: WriteTx) =>
    failsWith(
      tx.membership
        .check({ studioId: target.studioId, userId: other.userId })
        .where((a, op) => `${op.eq(a.role, "owner")} AND ${op.notExists(a.deletedAt)} AND ${op.notExists(a.deactivatedAt)}`)
        .commit(),
      lastOwner,
    );
}

export const lastOwner = () =>
  conflict("member.last_owner", "The studio's last owner cannot be demoted, deactivated or removed. Make someone else an owner first.");
