import { v7 as uuidv7 } from "uuid";
import { recordAudit } from "../../audit";
import { chargeAccountOf, pendingChargeWrite } from "../../billing";
import { readTogether } from "../../kernel/db/read-together";
import { commitWrites, failsWith } from "../../kernel/db/commit-writes";
import { conflict, invalidField } from "../../kernel/errors";
import { assertMay, type Actor } from "../../policy";
import type { InventoryItemRecord } from "../item.entity";
import type { LoanRecord } from "../loan.entity";
import { itemRead } from "../items/item-access";
import { lendingDb } from "../lending-db";
import { LendRace, withLendRetry } from "./lend";
import { loadLoan, studioToday } from "./loan-access";
import { toLoan } from "./loan-view";
import type { ReturnLoanInput } from "./schemas";

/**
 * Takes a loan back (owners, admins), in one transaction: the loan turns `returned` with the
 * condition it came back in (on condition it is still out), its units go back to the item (a
 * single item takes the returned condition; "needs-repair" marks any item), its reminder leaves
 * the queue, and the deposit minus what the studio keeps for damage is credited back: a negative
 * billing charge on the same account, which the next billing run sets against the invoice (a
 * deposit not billed yet and its credit then meet on the same invoice).
 */
export async function returnLoan(actor: Actor, studioId: string, loanId: string, input: ReturnLoanInput, now = new Date()) {
  return withLendRetry(async () => {
    const { member, studio, loan, student } = await loadLoan(actor, studioId, loanId);
    assertMay(member, "loan.decide");
    if (loan.status !== "out") throw conflict("loan.not_out", `This loan is ${loan.status === "requested" ? "not lent yet" : loan.status}`);
    const deposit = loan.depositMinor ?? 0;
    const kept = input.depositKeptMinor ?? 0;
    if (kept > deposit) throw invalidField("depositKeptMinor", `must be at most the deposit (${deposit})`);
    const today = studioToday(studio, now);
    const returnedOn = input.returnedOn ?? today;
    if (returnedOn > today) throw invalidField("returnedOn", "must not be in the future");
    if (loan.lentOn && returnedOn < loan.lentOn) throw invalidField("returnedOn", "must not be before the day it was lent");
    const [record] = await readTogether(itemRead(studioId, loan.itemId));
    const item = record as InventoryItemRecord | null;
    const refund = deposit - kept;
    const stamp = now.toISOString();
    const changes = {
      status: "returned" as const,
      returnedAt: stamp,
      returnedOn,
      returnedBy: actor.userId,
      returnCondition: input.condition,
      ...(input.notes ? { returnNotes: input.notes } : {}),
      ...(deposit > 0 ? { depositKeptMinor: kept } : {}),
      ...(refund > 0 ? { depositRefundChargeId: uuidv7() } : {}),
    };
    const after: LoanRecord = { ...loan, ...changes, openState: undefined, nextReminderDay: undefined, nextReminderStep: undefined, updatedAt: stamp };
    const itemCondition = item && (item.quantity === 1 || input.condition === "needs-repair") ? { condition: input.condition } : {};
    await commitWrites(
      lendingDb,
      (tx) => [
        failsWith(
          tx.loan
            .patch({ studioId, loanId })
            .set(changes)
            .remove(["openState", "nextReminderDay", "nextReminderStep"])
            .where((a, op) => op.eq(a.status, "out"))
            .commit(),
          () => conflict("loan.not_out", "The loan was taken back meanwhile"),
        ),
        // The units go back even to an item deleted or retired meanwhile (never above its quantity: they were taken from it).
        ...(item
          ? [
              tx.inventoryItem
                .patch({ studioId, itemId: loan.itemId })
                .add({ availableQuantity: loan.quantity })
                .set({ ...itemCondition, updatedBy: actor.userId })
                .commit(),
            ]
          : []),
        ...(loan.nextReminderDay ? [tx.loanDue.delete({ day: loan.nextReminderDay, studioId, loanId }).commit()] : []),
        ...(changes.depositRefundChargeId
          ? [
              pendingChargeWrite(tx, {
                studioId,
                chargeId: changes.depositRefundChargeId,
                account: chargeAccountOf(student ?? { studentId: loan.studentId, familyId: loan.familyId ?? null }),
                studentId: loan.studentId,
                description: `Deposit returned: ${loan.quantity > 1 ? `${loan.itemName} ×${loan.quantity}` : loan.itemName}${kept > 0 ? " (part kept for damage)" : ""}`,
                amountMinor: -refund,
                chargeDate: today,
                sourceType: "loan",
                sourceId: loanId,
                actorId: actor.userId,
              }),
            ]
          : []),
        recordAudit(tx, { studioId, actorId: actor.userId, action: "loan.returned", entityType: "loan", entityId: loanId, before: loan, after }),
      ],
      { raced: () => new LendRace() },
    );
    return toLoan(after, today);
  });
}
