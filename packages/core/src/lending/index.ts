/** Lending and inventory: items, their maintenance log, loans (request → lent → returned) and the loan reminders. */
export * from "./items/index";
export * from "./loans/index";
export { sendLoanReminders, LOAN_REMINDER_JOB, type LoanReminderRun } from "./reminders/send-loan-reminders";
export { LOAN_REMINDER_STEPS } from "./reminders/steps";
export { lendingDb, lendingEntities, type LendingTx } from "./lending-db";
export { ITEM_CATEGORIES, ITEM_CONDITIONS, ITEM_STATUSES } from "./item.entity";
export { LOAN_STATUSES } from "./loan.entity";
