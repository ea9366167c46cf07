import { itemOf, readTogether } from "../../kernel/db/read-together";
import { notFound } from "../../kernel/errors";
import { hiddenRecord, isStudioAdmin, loadMemberWith, type Actor } from "../../policy";
import { requireAccountAccess, resolveAccountAccess } from "../access";
import { billingDb } from "../billing-db";
import { toPayment, type Payment } from "./payment-view";

/**
 * One payment with its allocations and refunds: admins, and the parent or student whose account
 * paid it. A teacher of the account's student is refused (403: they see totals and statuses only);
 * anyone else gets 404.
 */
export async function getPayment(actor: Actor, studioId: string, paymentId: string): Promise<Payment> {
  const { payment: payments, billingAccount } = billingDb().entities;
  const { member, records } = await loadMemberWith(actor, studioId, itemOf(payments, { studioId, paymentId }));
  const payment = records[0];
  if (!payment) throw notFound("Payment");
  if (!isStudioAdmin(member)) {
    const [account] = await readTogether(itemOf(billingAccount, { studioId, accountId: payment.accountId }));
    if (!account) throw hiddenRecord("Payment");
    requireAccountAccess(await resolveAccountAccess(member, studioId, account), "full", "Payment");
  }
  return toPayment(payment);
}
