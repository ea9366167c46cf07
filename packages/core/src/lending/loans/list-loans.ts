import { page, type Page, type PageQuery } from "../../kernel/pagination/pagination";
import { assertMay, hiddenRecord, loadMemberWith, type Actor } from "../../policy";
import type { StudentRecord } from "../../people/module";
import { studentFacts } from "../../people";
import { lendingDb } from "../lending-db";
import type { InventoryItemRecord } from "../item.entity";
import type { LoanRecord } from "../loan.entity";
import { itemRead, visibleItem } from "../items/item-access";
import { studentRead, studioToday } from "./loan-access";
import { isOverdue, toLoan, type Loan } from "./loan-view";
import { listFamilyLoans } from "./family-loans";
import type { ListLoansQuery } from "./schemas";

/**
 * Loans, newest first, one query each:
 * - `studentId`: the student's (whoever sees the student);
 * - `familyId`: the newest `limit` of its students' (family-loans.ts);
 * - `itemId`: the item's (staff);
 * - `state`: the studio's requests waiting or loans out, soonest due first; `overdue` is the loans
 *   out past their due date (owners, admins).
 */
export async function listLoans(actor: Actor, studioId: string, query: ListLoansQuery, now = new Date()): Promise<Page<Loan>> {
  if (query.familyId) return listFamilyLoans(actor, studioId, query.familyId, query.limit, now);
  const { loan } = lendingDb().entities;
  const reads = query.studentId ? [studentRead(studioId, query.studentId)] : query.itemId ? [itemRead(studioId, query.itemId)] : [];
  const { member, studio, records } = await loadMemberWith(actor, studioId, ...reads);
  const today = studioToday(studio, now);
  let scope: Record<string, string>;
  let run: Parameters<typeof page<LoanRecord>>[1];
  if (query.studentId) {
    const student = records[0] as StudentRecord | null;
    if (!student) throw hiddenRecord("Student");
    assertMay(member, "loan.view", studentFacts(student));
    scope = { studentId: query.studentId };
    run = (options) => loan.query.loansByStudent({ studioId, studentId: query.studentId! }).go({ ...options, order: "desc", pages: 1 });
  } else if (query.itemId) {
    visibleItem(member, records[0] as InventoryItemRecord | null);
    assertMay(member, "item.history");
    return itemLoans(studioId, query.itemId, query, today);
  } else {
    assertMay(member, "loan.decide");
    const openState = query.state === "requested" ? "requested" : "out";
    scope = { state: query.state! };
    const open = loan.query.openLoans({ studioId, openState });
    run = (options) => (query.state === "overdue" ? open.lt({ dueDate: today }) : open).go({ ...options, pages: 1 });
  }
  const records_ = await page({ studioId, list: "loans", params: scope }, run, query, (items) =>
    query.state === "overdue" ? items.filter((l) => isOverdue(l, today)) : items,
  );
  return { items: records_.items.map((l) => toLoan(l, today)), nextCursor: records_.nextCursor };
}

/** An item's loans, newest first: one page (the item and the member already checked). */
export async function itemLoans(studioId: string, itemId: string, query: PageQuery, today: string): Promise<Page<Loan>> {
  const records = await page(
    { studioId, list: "loans", params: { itemId } },
    (options) =>
      lendingDb()
        .entities.loan.query.loansByItem({ studioId, itemId })
        .go({ ...options, order: "desc", pages: 1 }),
    query,
  );
  return { items: records.items.map((l) => toLoan(l, today)), nextCursor: records.nextCursor };
}
