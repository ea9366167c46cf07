export {
  toBillingRun,
  toBillingRunInvoice,
  type BillingRun,
  type BillingRunInvoice,
  type BillingRunStarted,
  type BillingRunWithInvoices,
} from "./billing-run-view";
export { BillingRunDetailSchema, BillingRunSchema, BillingRunSentSchema, BillingRunStartedSchema } from "./billing-run-schema";
export { runBilling, runIdOf, BILLING_RUN_ACTOR, type BillingRunExecution, type BillingRunRecord, type RunBillingOptions } from "./run-billing";
export { runScheduledBilling, autoRunPeriod, type ScheduledBillingSummary } from "./run-scheduled-billing";
export { startBillingRun, type BillingExecutionSummary } from "./start-billing-run";
export { listBillingRuns } from "./list-billing-runs";
export { getBillingRun } from "./get-billing-run";
export { sendBillingRun, type BillingRunSent } from "./send-billing-run";
export { startBillingRunSchema, listBillingRunsQuerySchema, type StartBillingRunInput, type ListBillingRunsQuery } from "./schemas";
