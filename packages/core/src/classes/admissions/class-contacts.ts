import { itemOf, readTogether } from "../../kernel/db/read-together";
import type { StudentRecord } from "../../people/module";
import { classesDb } from "../classes-db";

export interface ClassContact {
  email: string;
  greetingName: string;
}

/**
 * Who hears about a student's classes, each address once: the family's guardians with an email
 * (its primary contact first), else the family's billing email, else the student's own email.
 */
export async function classContacts(studioId: string, student: StudentRecord | null): Promise<ClassContact[]> {
  if (!student || student.deletedAt) return [];
  const { family, guardian } = classesDb().entities;
  let contacts: ClassContact[] = [];
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
