import { itemOf, readTogether } from "../../kernel/db/read-together";
import { localParts } from "../../kernel/time/wall-clock";
import { assertMay, hiddenRecord, loadMemberWith, type Actor, type StudentFacts } from "../../policy";
import type { StudentRecord } from "../../people/module";
import { studentFacts } from "../../people";
import { lendingDb } from "../lending-db";
import type { LoanRecord } from "../loan.entity";

export const studentRead = (studioId: string, studentId: string) => itemOf(lendingDb().entities.student, { studioId, studentId });

/** A loan's student as the rules see them (the loan's own copy when the student record is gone). */
export const loanStudentFacts = (loan: LoanRecord, student: StudentRecord | null): StudentFacts =>
  student ? studentFacts(student) : { studentId: loan.studentId, ...(loan.familyId ? { familyId: loan.familyId } : {}) };

/** The studio's local date at `now`. */
export const studioToday = (studio: { timeZone: string }, now = new Date()) => localParts(now, studio.timeZone).date;

/**
 * A loan as a member who may see its student sees it (two reads: the loan names the student).
 * Missing, or a student the member may not see → 404 alike.
 */
export async function loadLoan(actor: Actor, studioId: string, loanId: string) {
  const { member, studio, records } = await loadMemberWith(actor, studioId, itemOf(lendingDb().entities.loan, { studioId, loanId }));
  const loan = records[0] as LoanRecord | null;
  if (!loan) throw hiddenRecord("Loan");
  const [student] = await readTogether(studentRead(studioId, loan.studentId));
  const facts = loanStudentFacts(loan, student as StudentRecord | null);
  assertMay(member, "loan.view", facts);
  return { member, studio, loan, student: student as StudentRecord | null, facts };
}
