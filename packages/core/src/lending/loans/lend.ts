import { v7 as uuidv7 } from "uuid";
import { recordAudit } from "../../audit";
import { chargeAccountOf, pendingChargeWrite } from "../../billing";
import { failsWith } from "../../kernel/db/commit-writes";
import { AppError, conflict, invalidField } from "../../kernel/errors";
import { addDays } from "../../kernel/time/wall-clock";
import { outboxEmails } from "../../outbox";
import type { StudentRecord } from "../../people/module";
import type { StudioRecord } from "../../studios/module";
import type { LendingTx } from "../lending-db";
import type { InventoryItemRecord } from "../item.entity";
import type { LoanRecord } from "../loan.entity";
import { firstReminder } from "../reminders/steps";
import type { StudentContact } from "../../people";
import { loanLentEmails } from "./loan-emails";

/** A loan with no longest loan set runs four weeks by default. */
export const DEFAULT_LOAN_DAYS = 28;

/** Another lending transaction on the same item or loan got in first: read again and retry. */
export class LendRace extends Error {
  constructor() {
    super("The item or the loan changed concurrently");
  }
}

/** Reruns a read-then-lend use case from a fresh read when it lost a race; after several tries a 409. */
export async function withLendRetry<T>(attempt: () => Promise<T>, tries = 8): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof LendRace)) throw error;
      if (i >= tries) throw conflict("loan.changed", "The item is being lent by someone else; try again");
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * i));
    }
  }
}

/** Refuses an item that cannot be lent now: deleted, not borrowable, a consumable, in maintenance or retired (409). */
export function assertLendable(item: InventoryItemRecord): void {
  if (item.listing !== "listed" || !item.isBorrowable || item.isConsumable) {
    throw new AppError("item.not_lendable", `${item.name} is not lent out by the studio`);
  }
  if (item.status !== "available") {
    throw new AppError("item.not_lendable", `${item.name} is ${item.status === "maintenance" ? "in maintenance" : "retired"} and cannot be lent`);
  }
}

/** The due date a loan of `item` gets: the one given (today or later, within the longest loan unless an admin lends it), else the longest loan. */
export function dueDateFor(item: InventoryItemRecord, asked: string | undefined, today: string, { admin }: { admin: boolean }): string {
  const longest = item.maxLoanDays ?? DEFAULT_LOAN_DAYS;
  if (!asked) return addDays(today, longest);
  if (asked < today) throw invalidField("dueDate", "must be today or later");
  if (!admin && item.maxLoanDays && asked > addDays(today, item.maxLoanDays)) {
    throw invalidField("dueDate", `must be at most ${item.maxLoanDays} days from today`);
  }
  return asked;
}

export interface LendTerms {
  dueDate: string;
  depositMinor?: number;
  rentalFeeMinor?: number;
}

export interface LendPlan {
  studio: StudioRecord;
  item: InventoryItemRecord;
  student: StudentRecord;
  /** The requested loan being approved, or the new loan lent at once (create). */
  loan: LoanRecord;
  isNew: boolean;
  terms: LendTerms;
  contacts: StudentContact[];
  actorId: string;
  now: Date;
  today: string;
}

/** The loan as it is once lent (charge ids and the first reminder included). */
export function lentLoan(plan: LendPlan): LoanRecord {
  const { loan, terms, actorId, now, today } = plan;
  const reminder = firstReminder(terms.dueDate);
  return {
    ...loan,
    status: "out",
    openState: "out",
    dueDate: terms.dueDate,
    lentAt: now.toISOString(),
    lentBy: actorId,
    lentOn: today,
    ...(terms.depositMinor ? { depositMinor: terms.depositMinor, depositChargeId: uuidv7() } : {}),
    ...(terms.rentalFeeMinor ? { rentalFeeMinor: terms.rentalFeeMinor, feeChargeId: uuidv7() } : {}),
    remindersSent: [],
    nextReminderDay: reminder.day,
    nextReminderStep: reminder.step,
    updatedAt: now.toISOString(),
  };
}

/**
 * One transaction lends an item: the loan turns `out` (on condition it is still requested, or is
 * created), the item gives up the units on condition that enough are in the studio and it is
 * still lendable (so concurrent approvals never lend more than there is: the loser is a 409), the
 * deposit and the rental fee become pending billing charges on the family's account, the loan
 * enters the reminder queue on its due date, the family is emailed (outbox), and an audit event.
 */
export function lendWrites(tx: LendingTx, plan: LendPlan, after: LoanRecord) {
  const { studio, item, student, loan, isNew, actorId, today } = plan;
  const studioId = studio.studioId;
  const account = chargeAccountOf(student);
  const charge = (chargeId: string, description: string, amountMinor: number) =>
    pendingChargeWrite(tx, {
      studioId,
      chargeId,
      account,
      studentId: student.studentId,
      description,
      amountMinor,
      chargeDate: today,
      sourceType: "loan",
      sourceId: loan.loanId,
      actorId,
    });
  const itemWords = loan.quantity > 1 ? `${loan.itemName} ×${loan.quantity}` : loan.itemName;
  const {
    studioId: _s,
    loanId: _l,
    itemId: _i,
    studentId: _st,
    familyId: _f,
    quantity: _q,
    requestedBy: _rb,
    requestedAt: _ra,
    createdAt: _c,
    updatedAt: _u,
    ...changes
  } = after;
  return [
    isNew
      ? tx.loan.create(after).commit()
      : failsWith(
          tx.loan
            .patch({ studioId, loanId: loan.loanId })
            .set(changes)
            .where((a, op) => op.eq(a.status, "requested"))
            .commit(),
          () => conflict("loan.not_requested", "The request was decided or withdrawn meanwhile"),
        ),
    failsWith(
      tx.inventoryItem
        .patch({ studioId, itemId: item.itemId })
        .subtract({ availableQuantity: loan.quantity })
        .set({ updatedBy: actorId })
        .where(
          (a, op) =>
            `${op.gte(a.availableQuantity, loan.quantity)} AND ${op.eq(a.status, "available")} AND ${op.eq(a.listing, "listed")} AND ${op.eq(a.isBorrowable, true)}`,
        )
        .commit(),
      () =>
        new AppError(
          "item.unavailable",
          loan.quantity > 1 ? `Fewer than ${loan.quantity} of ${item.name} are in the studio now` : `${item.name} is no longer in the studio (lent meanwhile?)`,
        ),
    ),
    ...(after.depositChargeId ? [charge(after.depositChargeId, `Deposit: ${itemWords}`, after.depositMinor!)] : []),
    ...(after.feeChargeId ? [charge(after.feeChargeId, `Rental fee: ${itemWords} until ${after.dueDate}`, after.rentalFeeMinor!)] : []),
    tx.loanDue.create({ day: after.nextReminderDay!, studioId, loanId: loan.loanId, step: after.nextReminderStep! }).commit(),
    ...outboxEmails(tx, loanLentEmails(studio, after, student, plan.contacts), plan.now),
    recordAudit(tx, { studioId, actorId, action: "loan.lent", entityType: "loan", entityId: loan.loanId, before: isNew ? undefined : loan, after }),
  ];
}
