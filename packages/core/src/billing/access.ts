import { itemOf, readTogether } from "../kernel/db/read-together";
import { hiddenRecord, isStudioAdmin, may, teacherTotalsOnly, type StudioMember, type StudentFacts } from "../policy";
import type { AccountKind } from "./accounts/billing-account.entity";
import { billingDb } from "./billing-db";

/**
 * What a member sees of a billing account (and its invoices, payments and ledger): all of it, a
 * summary (totals and statuses), or nothing (404 like a missing account). The catalogue decides
 * ("billing-account.view-details", "billing-account.view"); this reads only the facts it needs.
 */
export type AccountAccess = "full" | "summary" | "none";

/** An account as far as visibility goes: its id is the party's id (familyId, bandId or studentId). */
export interface AccountParty {
  accountId: string;
  kind: AccountKind;
}

/** What the rules need to know about the account's party: its live students (one for a student account). */
export interface AccountFacts {
  students: StudentFacts[];
}

/** The access a member has to an account, decided by the catalogue from the account and its students. */
export function accountAccess(member: StudioMember, account: AccountParty, facts: AccountFacts): AccountAccess {
  const party = { accountId: account.accountId, kind: account.kind, students: facts.students };
  if (may(member, "billing-account.view-details", party)) return "full";
  return may(member, "billing-account.view", party) ? "summary" : "none";
}

/**
 * The access decided from the member alone, when no facts are needed (admins, a parent's own
 * family, a student's own account, roles that never see accounts); undefined when the party's
 * students must be read.
 */
export function accessWithoutFacts(member: StudioMember, account: AccountParty): AccountAccess | undefined {
  if (isStudioAdmin(member)) return "full";
  if (member.role === "teacher") return member.teacherId && account.kind !== "band" ? undefined : "none";
  if (member.role === "parent") return member.familyId && account.kind === "student" ? undefined : accountAccess(member, account, { students: [] });
  return accountAccess(member, account, { students: [] });
}

const factsOf = (s: { studentId: string; primaryTeacherId?: string; familyId?: string; deletedAt?: string }): StudentFacts | null =>
  s.deletedAt ? null : { studentId: s.studentId, primaryTeacherId: s.primaryTeacherId, familyId: s.familyId };

/**
 * The account's live students: the student of a student account; the students of a family
 * account (the family item, then one BatchGet per 100 of its students); none for a band.
 */
export async function accountFacts(studioId: string, account: AccountParty): Promise<AccountFacts> {
  const { student, family } = billingDb().entities;
  if (account.kind === "student") {
    const [record] = await readTogether(itemOf(student, { studioId, studentId: account.accountId }));
    const facts = record ? factsOf(record) : null;
    return { students: facts ? [facts] : [] };
  }
  if (account.kind === "band") return { students: [] };
  const [record] = await readTogether(itemOf(family, { studioId, familyId: account.accountId }));
  const ids = [...(record?.studentIds ?? [])];
  const students: StudentFacts[] = [];
  for (let i = 0; i < ids.length; i += 100) {
    const records = await readTogether(...ids.slice(i, i + 100).map((studentId) => itemOf(student, { studioId, studentId })));
    for (const r of records) {
      const facts = r ? factsOf(r) : null;
      if (facts) students.push(facts);
    }
  }
  return { students };
}

/** The member's access to an account, reading the party's students only when the rules need them. */
export async function resolveAccountAccess(member: StudioMember, studioId: string, account: AccountParty): Promise<AccountAccess> {
  return accessWithoutFacts(member, account) ?? accountAccess(member, account, await accountFacts(studioId, account));
}

/**
 * Whether an account holds one of the teacher's students (the teacher's summary view): a student
 * account of theirs, or a family account with a student of theirs.
 */
export async function teacherSeesAccount(studioId: string, teacherId: string, account: AccountParty): Promise<boolean> {
  if (account.kind === "band") return false;
  const facts = await accountFacts(studioId, account);
  return accountAccess({ userId: "", role: "teacher", teacherId }, account, facts) === "summary";
}

/**
 * The ids of every account a teacher may see in summary: their students' ids and those students'
 * family ids (one paginated query of the students-by-teacher index). An id here need not have an
 * account yet.
 */
export async function teacherAccountIds(studioId: string, teacherId: string): Promise<Set<string>> {
  const { data } = await billingDb()
    .entities.student.query.studentsByTeacher({ studioId, primaryTeacherId: teacherId, listing: "listed" })
    .go({ pages: "all", attributes: ["studentId", "familyId"] });
  const ids = new Set<string>();
  for (const s of data) {
    ids.add(s.studentId);
    if (s.familyId) ids.add(s.familyId);
  }
  return ids;
}

/**
 * The accounts a parent or student sees without looking anything up (their family's; their own),
 * the default scope of their lists. A parent's children's own student accounts are reachable by
 * id (`resolveAccountAccess`).
 */
export function ownAccountIds(member: StudioMember): string[] {
  if (member.role === "parent") return member.familyId ? [member.familyId] : [];
  if (member.role === "student") return member.studentId ? [member.studentId] : [];
  return [];
}

/**
 * Refuses what the access does not allow: no access → 404 (as if missing; `what` names it),
 * a summary where the full record is needed → 403 (the teacher sees the account, not this).
 */
export function requireAccountAccess(access: AccountAccess, needed: "full" | "summary", what = "Billing account"): void {
  if (access === "none") throw hiddenRecord(what);
  if (needed === "full" && access === "summary") throw teacherTotalsOnly();
}
