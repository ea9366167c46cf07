import { readTogether } from "../../kernel/db/read-together";
import { commitWrites } from "../../kernel/db/commit-writes";
import { conflict, invalidField } from "../../kernel/errors";
import { assertMay, type Actor } from "../../policy";
import type { InventoryItemRecord } from "../item.entity";
import { itemRead } from "../items/item-access";
import { lendingDb } from "../lending-db";
import { assertLendable, dueDateFor, LendRace, lendWrites, lentLoan, withLendRetry } from "./lend";
import { loadLoan, studioToday } from "./loan-access";
import { studentContacts } from "../../people";
import { toLoan } from "./loan-view";
import type { ApproveLoanInput } from "./schemas";

/**
 * Approves a loan request and lends the item (owners, admins): due date, deposit and rental fee
 * default to the request's date and the item's amounts. One transaction (lend.ts): a request
 * decided meanwhile, or an item lent out meanwhile, is a 409; nothing is written then.
 */
export async function approveLoan(actor: Actor, studioId: string, loanId: string, input: ApproveLoanInput, now = new Date()) {
  return withLendRetry(async () => {
    const { member, studio, loan, student } = await loadLoan(actor, studioId, loanId);
    assertMay(member, "loan.decide");
    if (loan.status !== "requested") throw conflict("loan.not_requested", `This loan is ${loan.status === "out" ? "lent already" : loan.status}`);
    if (!student || student.deletedAt) throw invalidField("studentId", "the student was deleted; decline the request");
    const [record] = await readTogether(itemRead(studioId, loan.itemId));
    const item = record as InventoryItemRecord | null;
    if (!item) throw conflict("item.not_lendable", "The item is gone");
    assertLendable(item);
    const today = studioToday(studio, now);
    const dueDate = dueDateFor(item, input.dueDate ?? (loan.dueDate >= today ? loan.dueDate : undefined), today, { admin: true });
    const plan = {
      studio,
      item,
      student,
      loan,
      isNew: false,
      terms: { dueDate, depositMinor: input.depositMinor ?? item.depositMinor, rentalFeeMinor: input.rentalFeeMinor ?? item.rentalFeeMinor },
      contacts: await studentContacts(studioId, student),
      actorId: actor.userId,
      now,
      today,
    };
    const after = lentLoan(plan);
    await commitWrites(lendingDb, (tx) => lendWrites(tx, plan, after), { raced: () => new LendRace() });
    return toLoan(after, today);
  });
}
