import { guardiansOfFamilies } from "../family-guardians";
import { scheduleDb } from "../schedule-db";

const unique = (emails: Array<string | undefined | null>) => [...new Set(emails.filter((e): e is string => Boolean(e)).map((e) => e.toLowerCase()))];

/** The emails of the studio's active owners and admins (their accounts'). */
export async function staffEmails(studioId: string): Promise<string[]> {
  const { membership, user } = scheduleDb().entities;
  const { data: staff } = await membership.query
    .member({ studioId })
    .where((a, op) => `(${op.eq(a.role, "owner")} OR ${op.eq(a.role, "admin")}) AND ${op.notExists(a.deletedAt)} AND ${op.notExists(a.deactivatedAt)}`)
    .go({ pages: "all" });
  if (staff.length === 0) return [];
  const emails: string[] = [];
  for (let i = 0; i < staff.length; i += 100) {
    const { data: users } = await user.get(staff.slice(i, i + 100).map((m) => ({ userId: m.userId }))).go();
    emails.push(...users.map((u) => u.email));
  }
  return unique(emails);
}

/** A student's own email and their family's guardians' emails (those that have one). */
export async function familyEmails(studioId: string, student: { email?: string; familyId?: string }): Promise<string[]> {
  const guardians = (await guardiansOfFamilies(studioId, [student.familyId])).get(student.familyId ?? "") ?? [];
  return unique([student.email, ...guardians.map((g) => g.email)]);
}

export { unique as uniqueEmails };
