import { assertMay, loadMemberWith, type Actor } from "../../policy";
import type { BillingRunStarted } from "./billing-run-schema";
import { toBillingRun } from "./billing-run-view";
import { runBilling } from "./run-billing";
import type { StartBillingRunInput } from "./schemas";

export type BillingExecutionSummary = BillingRunStarted["execution"];

/**
 * Runs billing for a period on demand (admins): drafts each account's invoice from the period's
 * lessons and fee plans (see `runBilling`), for the owner to review and send. Running the same
 * period again returns the same run and drafts only what was not billed yet.
 */
export async function startBillingRun(actor: Actor, studioId: string, input: StartBillingRunInput): Promise<BillingRunStarted> {
  const { member, studio } = await loadMemberWith(actor, studioId);
  assertMay(member, "billing-run.manage");
  const { run, skipped, ...execution } = await runBilling(studioId, { ...input, trigger: "manual", actorId: actor.userId });
  return { ...toBillingRun(run, studio.currency), execution: { ...execution, skippedCount: skipped.length } };
}
