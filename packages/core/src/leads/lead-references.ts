import { failsWith } from "../kernel/db/commit-writes";
import { invalidField } from "../kernel/errors";
import type { LeadsTx } from "./leads-db";

/**
 * The transaction items that check a lead's owner and assigned teacher as the write commits: the
 * owner is an active owner, admin or teacher of the studio, the teacher a listed teacher of it.
 */
export function referenceChecks(
  tx: Pick<LeadsTx, "membership" | "teacher">,
  studioId: string,
  refs: { ownerId?: string | null; assignedTeacherId?: string | null },
) {
  const checks: unknown[] = [];
  if (refs.ownerId) {
    checks.push(
      failsWith(
        tx.membership
          .check({ studioId, userId: refs.ownerId })
          .where(
            (a, op) =>
              `${op.exists(a.role)} AND ${op.ne(a.role, "student")} AND ${op.ne(a.role, "parent")} AND ${op.notExists(a.deletedAt)} AND ${op.notExists(a.deactivatedAt)}`,
          )
          .commit(),
        () => invalidField("ownerId", "must be a staff member of this studio"),
      ),
    );
  }
  if (refs.assignedTeacherId) {
    checks.push(failsWith(teacherCheck(tx, studioId, refs.assignedTeacherId), () => invalidField("assignedTeacherId", "must be a teacher of this studio")));
  }
  return checks;
}

/** The check that a teacher is a listed teacher of the studio as the write commits (the caller says what its failure means). */
export const teacherCheck = (tx: Pick<LeadsTx, "teacher">, studioId: string, teacherId: string) =>
  tx.teacher
    .check({ studioId, teacherId })
    .where((a, op) => op.eq(a.listing, "listed"))
    .commit();
