import { db } from "../../db";
import { itemOf, readTogether } from "../../kernel/db/read-together";
import type { StudentRecord } from "../student.entity";

export interface StudentContact {
  email: string;
  greetingName: string;
}

/**
 * Who hears about a student's loans, classes and the like, each address once: the family's
 * guardians with an email (its primary contact first), else the family's billing email, else the
 * student's own email. The family and its guardians are read in parallel.
 */
export async function studentContacts(studioId: string, student: StudentRecord | null): Promise<StudentContact[]> {
  if (!student || student.deletedAt) return [];
  const { family, guardian } = db().entities;
  let contacts: StudentContact[] = [];
  if (student.familyId) {
    const [[record], guardians] = await Promise.all([
      readTogether(itemOf(family, { studioId, familyId: student.familyId })),
      guardian.query
        .guardian({ studioId, familyId: student.familyId })
        .where((a, op) => op.notExists(a.deletedAt))
        .go({ pages: "all" }),
    ]);
    if (record && !record.deletedAt) {
      contacts = guardians.data
        .filter((g) => g.email)
        .sort((a, b) => Number(b.guardianId === record.primaryContactId) - Number(a.guardianId === record.primaryContactId))
        .map((g) => ({ email: g.email!, greetingName: g.firstName }));
      if (contacts.length === 0 && record.billingEmail) contacts = [{ email: record.billingEmail, greetingName: record.name }];
    }
  }
  if (contacts.length === 0 && student.email) contacts = [{ email: student.email, greetingName: student.firstName }];
  return [...new Map(contacts.map((c) => [c.email.toLowerCase(), c])).values()];
}
