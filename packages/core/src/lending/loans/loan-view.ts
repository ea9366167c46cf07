import type { LoanRecord } from "../loan.entity";
import type { Loan } from "./loan-schema";

export type { Loan };

/** Out and past its due date on the studio's `today`. */
export const isOverdue = (r: Pick<LoanRecord, "status" | "dueDate">, today: string) => r.status === "out" && r.dueDate < today;

export const toLoan = (r: LoanRecord, today: string): Loan => ({
  id: r.loanId,
  itemId: r.itemId,
  itemName: r.itemName,
  studentId: r.studentId,
  familyId: r.familyId ?? null,
  quantity: r.quantity,
  status: r.status,
  isOverdue: isOverdue(r, today),
  dueDate: r.dueDate,
  requestNote: r.requestNote ?? null,
  requestedAt: r.requestedAt ?? null,
  lentAt: r.lentAt ?? null,
  lentOn: r.lentOn ?? null,
  returnedAt: r.returnedAt ?? null,
  returnedOn: r.returnedOn ?? null,
  returnCondition: r.returnCondition ?? null,
  returnNotes: r.returnNotes ?? null,
  closedAt: r.closedAt ?? null,
  closeReason: r.closeReason ?? null,
  depositMinor: r.depositMinor ?? null,
  rentalFeeMinor: r.rentalFeeMinor ?? null,
  depositKeptMinor: r.depositKeptMinor ?? null,
  remindersSent: r.remindersSent ?? [],
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});
