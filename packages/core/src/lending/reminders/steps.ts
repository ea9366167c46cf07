import { addDays } from "../../kernel/time/wall-clock";

/** A loan's reminders: on its due date, then once more a few days after if it is still out. */
export const LOAN_REMINDER_STEPS = [
  { step: "due", afterDays: 0 },
  { step: "overdue", afterDays: 3 },
] as const;

export interface ReminderSlot {
  day: string;
  step: string;
}

/** The first reminder of a loan due on `dueDate`. */
export const firstReminder = (dueDate: string): ReminderSlot => ({ day: dueDate, step: LOAN_REMINDER_STEPS[0].step });

/** The reminder after `step`, or null after the last. */
export function reminderAfter(dueDate: string, step: string): ReminderSlot | null {
  const index = LOAN_REMINDER_STEPS.findIndex((s) => s.step === step);
  const next = index >= 0 ? LOAN_REMINDER_STEPS[index + 1] : undefined;
  return next ? { day: addDays(dueDate, next.afterDays), step: next.step } : null;
}
