import { itemOf, type ItemRead } from "../kernel/db/read-together";
import { db, type WriteTx } from "../db";
import { AppError } from "../kernel/errors";
import type { ProfileLinks } from "./schemas";
import { failsWith } from "../kernel/db/commit-writes";

interface ProfileRecord {
  deletedAt?: string;
  userId?: string;
}

/** The read of the profile record the links point to (teacher, student or guardian), if any. */
export function profileRead(studioId: string, links: ProfileLinks): ItemRead<ProfileRecord> | undefined {
  const { teacher, student, guardian } = db().entities;
  if (links.teacherId) return itemOf(teacher, { studioId, teacherId: links.teacherId });
  if (links.studentId) return itemOf(student, { studioId, studentId: links.studentId });
  if (links.guardianId && links.familyId) return itemOf(guardian, { studioId, familyId: links.familyId, guardianId: links.guardianId });
  return undefined;
}

const PROFILE_WORDS = { teacherId: "a teacher", studentId: "a student", guardianId: "a guardian" } as const;

/** 422 unless the linked profile exists (not deleted) in this studio. */
export function assertProfileFound(links: ProfileLinks, profile: ProfileRecord | null): void {
  const field = links.teacherId ? "teacherId" : links.studentId ? "studentId" : links.guardianId ? "guardianId" : undefined;
  if (!field || (profile && !profile.deletedAt)) return;
  throw new AppError("validation_failed", "The request has invalid fields", {
    errors: [{ path: field, message: `is not ${PROFILE_WORDS[field]} of this studio${field === "guardianId" ? " (in that family)" : ""}` }],
  });
}

/**
 * The transaction item that links the profile to the user. It fails when the profile was deleted
 * meanwhile or is already linked to another account (profileAlreadyLinked).
 */
export function linkProfile(tx: WriteTx, studioId: string, links: ProfileLinks, userId: string) {
  const write = profileLinkWrite(tx, studioId, links, userId);
  return write && failsWith(write, profileAlreadyLinked);
}

function profileLinkWrite(tx: WriteTx, studioId: string, links: ProfileLinks, userId: string) {
  const set = { userId, updatedBy: userId };
  const unlinked = (notExists: string, same: string, live: string) => `(${notExists} OR ${same}) AND ${live}`;
  if (links.teacherId) {
    return tx.teacher
      .patch({ studioId, teacherId: links.teacherId })
      .set(set)
      .where((a, op) => unlinked(op.notExists(a.userId), op.eq(a.userId, userId), op.notExists(a.deletedAt)))
      .commit();
  }
  if (links.studentId) {
    return tx.student
      .patch({ studioId, studentId: links.studentId })
      .set(set)
      .where((a, op) => unlinked(op.notExists(a.userId), op.eq(a.userId, userId), op.notExists(a.deletedAt)))
      .commit();
  }
  if (links.guardianId && links.familyId) {
    return tx.guardian
      .patch({ studioId, familyId: links.familyId, guardianId: links.guardianId })
      .set(set)
      .where((a, op) => unlinked(op.notExists(a.userId), op.eq(a.userId, userId), op.notExists(a.deletedAt)))
      .commit();
  }
  return undefined;
}

export const profileAlreadyLinked = () =>
  new AppError(
    "invitation.profile_taken",
    "The profile this invitation is for was removed or already belongs to another account. Ask the studio for a new invitation.",
  );
