import { itemOf, readTogether } from "../../kernel/db/read-together";
import { notFound } from "../../kernel/errors";
import { page, type Page } from "../../kernel/pagination/pagination";
import { isStudioAdmin, loadMemberWith, teacherTotalsOnly, type Actor } from "../../policy";
import { ownAccountIds, requireAccountAccess, resolveAccountAccess } from "../access";
import { billingDb } from "../billing-db";
import { toPayment, type Payment } from "./payment-view";
import type { ListPaymentsQuery } from "./schemas";

/**
 * Payments, newest first: one account's (`?accountId`), or — without it — the whole studio's for
 * admins and their own account's for a parent (their family) or a student. Payments are full
 * records: teachers, who see only totals and statuses of their students' billing, are refused
 * (403); anyone else asking for an account they cannot see gets 404. One query per page.
 */
export async function listPayments(actor: Actor, studioId: string, query: ListPaymentsQuery): Promise<Page<Payment>> {
  const { payment, billingAccount } = billingDb().entities;
  const { member } = await loadMemberWith(actor, studioId);
  let accountId = query.accountId;
  if (accountId) {
    const [account] = await readTogether(itemOf(billingAccount, { studioId, accountId }));
    if (!account) throw notFound("Billing account");
    requireAccountAccess(await resolveAccountAccess(member, studioId, account), "full");
  } else if (!isStudioAdmin(member)) {
    if (member.role === "teacher") throw teacherTotalsOnly();
    accountId = ownAccountIds(member)[0];
    if (!accountId) return { items: [], nextCursor: null };
  }
  const result = await page(
    { studioId, list: "payments", params: { accountId } },
    (options) =>
      accountId
        ? payment.query.paymentsByAccount({ studioId, accountId }).go({ ...options, pages: 1, order: "desc" })
        : payment.query.payment({ studioId }).go({ ...options, pages: 1, order: "desc" }),
    query,
  );
  return { items: result.items.map(toPayment), nextCursor: result.nextCursor };
}
