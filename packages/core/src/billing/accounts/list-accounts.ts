import { page, type Page } from "../../kernel/pagination/pagination";
import { assertMay, loadMemberWith, type Actor } from "../../policy";
import { billingDb } from "../billing-db";
import { toAccount, type BillingAccount } from "./account-view";
import type { ListAccountsQuery } from "./schemas";

/**
 * The studio's billing accounts (admins), one page at a time in id order: one query of the
 * studio partition's accounts, `?owing=true` keeping those with a balance above zero and `?kind=`
 * one kind (filters on the query, so a page may hold fewer than `limit`).
 */
export async function listBillingAccounts(actor: Actor, studioId: string, query: ListAccountsQuery): Promise<Page<BillingAccount>> {
  const { member, studio } = await loadMemberWith(actor, studioId);
  assertMay(member, "billing-account.manage");
  const accounts = billingDb().entities.billingAccount.query.billingAccount({ studioId });
  const result = await page(
    { studioId, list: "billing-accounts" },
    (options) =>
      (query.owing !== undefined || query.kind
        ? accounts.where((a, op) =>
            [
              query.owing === true ? op.gt(a.balanceMinor, 0) : query.owing === false ? op.lte(a.balanceMinor, 0) : "",
              query.kind ? op.eq(a.kind, query.kind) : "",
            ]
              .filter(Boolean)
              .join(" AND "),
          )
        : accounts
      ).go({ ...options, pages: 1 }),
    query,
  );
  return { items: result.items.map((a) => toAccount(a, studio.currency)), nextCursor: result.nextCursor };
}
