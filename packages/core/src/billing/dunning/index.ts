export { dunningSteps, nextDunningStep, dueDunningStep, daysAfterDue, type DunningStep, type DunningStepName, type DunningDates } from "./steps";
export { lateFeeDue } from "./late-fee";
export { performDunningStep, type DunningDueItem, type StepResult } from "./perform-dunning-step";
export { reminderEmails } from "./reminder-emails";
export { runDunning, DUNNING_JOB, type DunningRun } from "./run-dunning";
