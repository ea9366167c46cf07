import type { WriteTx } from "../../db/service";
import { conflict, invalidField, type AppError } from "../../kernel/errors";

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
 * transaction. Returns the items and the error for a rejected one (by its position in the list).
 */
export function linkWrites(tx: WriteTx, studioId: string, studentId: string, changes: LinkChanges) {
  const items: { commit: unknown; error: AppError }[] = [];
  if (changes.teacherId) {
    items.push({
      commit: tx.teacher
        .check({ studioId, teacherId: changes.teacherId })
        .where((a, op) => op.eq(a.listing, "listed"))
        .commit(),
      error: invalidField("primaryTeacherId", "must be a teacher of this studio"),
    });
  }
  if (changes.joinFamilyId) {
    items.push({
      commit: tx.family
        .patch({ studioId, familyId: changes.joinFamilyId })
        .add({ studentIds: [studentId] })
        .where((a, op) => op.eq(a.listing, "listed"))
        .commit(),
      error: invalidField("familyId", "must be a family of this studio"),
    });
  }
  if (changes.leaveFamilyId) {
    items.push({
      commit: tx.family
        .patch({ studioId, familyId: changes.leaveFamilyId })
        .delete({ studentIds: [studentId] })
        .commit(),
      error: conflict("student.family_changed", "The student's family changed meanwhile; reload and try again"),
    });
  }
  return items;
}
