import { itemOf, readTogether } from "../../kernel/db/read-together";
import type { Page } from "../../kernel/pagination/pagination";
import { hiddenRecord, loadMemberWith, may, type Actor } from "../../policy";
import type { FamilyRecord, StudentRecord } from "../../people/module";
import { studentFacts } from "../../people";
import { lendingDb } from "../lending-db";
import { studentRead, studioToday } from "./loan-access";
import { toLoan, type Loan } from "./loan-view";

/**
 * A family's loans and requests, newest first: the newest `limit` across its students, however
 * many children it has (one page; a family borrows a handful of things). The member sees the
 * loans of those students they may see (a parent: all of their family's; a teacher: their own
 * students'); a family with none of those is a 404. Reads: the membership with the family, its
 * students, then one query per student, in parallel.
 */
export async function listFamilyLoans(actor: Actor, studioId: string, familyId: string, limit: number, now = new Date()): Promise<Page<Loan>> {
  const { family, loan } = lendingDb().entities;
  const { member, studio, records } = await loadMemberWith(actor, studioId, itemOf(family, { studioId, familyId }));
  const record = records[0] as FamilyRecord | null;
  if (!record || record.deletedAt) throw hiddenRecord("Family");
  const students = (await readTogether(...(record.studentIds ?? []).map((studentId) => studentRead(studioId, studentId)))) as (StudentRecord | null)[];
  const seen = students.filter((s): s is StudentRecord => s !== null && may(member, "loan.view", studentFacts(s)));
  if (seen.length === 0 && !may(member, "loan.view", { studentId: "", familyId })) throw hiddenRecord("Family");
  const pages = await Promise.all(seen.map((s) => loan.query.loansByStudent({ studioId, studentId: s.studentId }).go({ order: "desc", limit, pages: 1 })));
  const today = studioToday(studio, now);
  const newest = pages
    .flatMap((p) => p.data)
    .sort((a, b) => b.loanId.localeCompare(a.loanId))
    .slice(0, limit);
  return { items: newest.map((l) => toLoan(l, today)), nextCursor: null };
}
