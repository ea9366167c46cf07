import { v7 as uuidv7 } from "uuid";
import { recordAudit } from "../../audit";
import { commitWrites } from "../../kernel/db/commit-writes";
import { AppError, invalidField } from "../../kernel/errors";
import { assertMay, hiddenRecord, isStudioAdmin, loadMemberWith, may, type Actor } from "../../policy";
import type { StudentRecord } from "../../people/module";
import { studentFacts } from "../../people";
import { lendingDb } from "../lending-db";
import type { InventoryItemRecord } from "../item.entity";
import type { LoanRecord } from "../loan.entity";
import { itemRead, visibleItem } from "../items/item-access";
import { assertLendable, dueDateFor, LendRace, lendWrites, lentLoan, withLendRetry } from "./lend";
import { studentContacts } from "../../people";
import { studentRead, studioToday } from "./loan-access";
import { toLoan } from "./loan-view";
import type { RequestLoanInput } from "./schemas";

/**
 * Asks to borrow an item for a student (whoever sees the student: admins, their teacher, the
 * student, their parents), or, for owners and admins with `lendNow`, lends it at once (the same
 * transaction as an approval, see lend.ts). The item must be borrowable and available; the due
 * date defaults to the item's longest loan (four weeks without one) and may not be past it.
 */
export async function requestLoan(actor: Actor, studioId: string, input: RequestLoanInput, now = new Date()) {
  return withLendRetry(async () => {
    const { member, studio, records } = await loadMemberWith(actor, studioId, studentRead(studioId, input.studentId), itemRead(studioId, input.itemId));
    const student = records[0] as StudentRecord | null;
    if (!student || student.deletedAt || !may(member, "student.view", studentFacts(student))) throw hiddenRecord("Student");
    assertMay(member, "loan.request", studentFacts(student));
    const item = visibleItem(member, records[1] as InventoryItemRecord | null);
    const admin = isStudioAdmin(member);
    if (input.lendNow) assertMay(member, "loan.decide");
    else if (input.depositMinor !== undefined || input.rentalFeeMinor !== undefined) {
      throw invalidField(input.depositMinor !== undefined ? "depositMinor" : "rentalFeeMinor", "is set when the item is lent, not asked for");
    }
    assertLendable(item);
    const quantity = input.quantity ?? 1;
    if (quantity > item.quantity) throw invalidField("quantity", `must be at most ${item.quantity}: the studio has ${item.quantity}`);
    if (input.lendNow && quantity > item.availableQuantity) {
      throw new AppError("item.unavailable", `Only ${item.availableQuantity} of ${item.name} ${item.availableQuantity === 1 ? "is" : "are"} in the studio now`);
    }
    const today = studioToday(studio, now);
    const dueDate = dueDateFor(item, input.dueDate, today, { admin });
    const stamp = now.toISOString();
    const requested: LoanRecord = {
      studioId,
      loanId: uuidv7(),
      itemId: item.itemId,
      itemName: item.name,
      studentId: student.studentId,
      ...(student.familyId ? { familyId: student.familyId } : {}),
      quantity,
      status: "requested",
      openState: "requested",
      dueDate,
      ...(input.note ? { requestNote: input.note } : {}),
      requestedBy: actor.userId,
      requestedAt: stamp,
      createdAt: stamp,
      updatedAt: stamp,
    };
    if (!input.lendNow) {
      await commitWrites(lendingDb, (tx) => [
        tx.loan.create(requested).commit(),
        recordAudit(tx, { studioId, actorId: actor.userId, action: "loan.requested", entityType: "loan", entityId: requested.loanId, after: requested }),
      ]);
      return toLoan(requested, today);
    }
    const contacts = await studentContacts(studioId, student);
    const plan = {
      studio,
      item,
      student,
      loan: requested,
      isNew: true,
      terms: { dueDate, depositMinor: input.depositMinor ?? item.depositMinor, rentalFeeMinor: input.rentalFeeMinor ?? item.rentalFeeMinor },
      contacts,
      actorId: actor.userId,
      now,
      today,
    };
    const after = lentLoan(plan);
    await commitWrites(lendingDb, (tx) => lendWrites(tx, plan, after), { raced: () => new LendRace() });
    return toLoan(after, today);
  });
}
