import { page, type Page } from "../../kernel/pagination/pagination";
import { assertMay, loadMemberWith, type Actor } from "../../policy";
import { billingDb } from "../billing-db";
import { toBillingRun, type BillingRun } from "./billing-run-view";
import type { ListBillingRunsQuery } from "./schemas";

/** The studio's billing runs, latest period first (admins). One query. */
export async function listBillingRuns(actor: Actor, studioId: string, query: ListBillingRunsQuery): Promise<Page<BillingRun>> {
  const { member, studio } = await loadMemberWith(actor, studioId);
  assertMay(member, "billing-run.manage");
  const result = await page(
    { studioId, list: "billing-runs" },
    (options) =>
      billingDb()
        .entities.billingRun.query.billingRun({ studioId })
        .go({ ...options, order: "desc", pages: 1 }),
    query,
  );
  return { items: result.items.map((run) => toBillingRun(run, studio.currency)), nextCursor: result.nextCursor };
}
