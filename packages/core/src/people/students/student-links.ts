import type { WriteTx } from "../../db";
import { failsWith } from "../../kernel/db/commit-writes";
import { conflict, invalidField } from "../../kernel/errors";

export interface LinkChanges {
  /** A newly assigned teacher: must still be listed when the write commits. */
  teacherId?: string;
  /** The family the student joins: its `studentIds` gains the student. */
  joinFamilyId?: string;
  /** The family the student leaves: its `studentIds` loses the student. */
  leaveFamilyId?: string;
}

/**
 * The transaction items that keep a student's links consistent: the new teacher and family are
 * still listed, and the families' `studentIds` sets follow `familyId`, all in the student's own
 * transaction. Each item carries the error its rejected condition means.
 */
export function linkWrites(tx: WriteTx, studioId: string, studentId: string, changes: LinkChanges) {
  const items: unknown[] = [];
  if (changes.teacherId) {
    items.push(
      failsWith(
        tx.teacher
          .check({ studioId, teacherId: changes.teacherId })
          .where((a, op) => op.eq(a.listing, "listed"))
          .commit(),
        () => invalidField("primaryTeacherId", "must be a teacher of this studio"),
      ),
    );
  }
  if (changes.joinFamilyId) {
    items.push(
      failsWith(
        tx.family
          .patch({ studioId, familyId: changes.joinFamilyId })
          .add({ studentIds: [studentId] })
          .where((a, op) => op.eq(a.listing, "listed"))
          .commit(),
        () => invalidField("familyId", "must be a family of this studio"),
      ),
    );
  }
  if (changes.leaveFamilyId) {
    items.push(
      failsWith(
        tx.family
          .patch({ studioId, familyId: changes.leaveFamilyId })
          .delete({ studentIds: [studentId] })
          .commit(),
        () => conflict("student.family_changed", "The student's family changed meanwhile; reload and try again"),
      ),
    );
  }
  return items;
}
