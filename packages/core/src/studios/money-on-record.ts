import { BillingAccountEntity, FeePlanEntity, InvoiceEntity } from "../billing/module";
import { tableService } from "../kernel/db/table-service";

/** The billing entities a currency change looks at: a small service, so the studios code carries no more of billing. */
const moneyDb = tableService({ invoice: InvoiceEntity, billingAccount: BillingAccountEntity, feePlan: FeePlanEntity });

/** What a studio holds in its currency, in the words of the 409 that refuses changing it. */
export type RecordedMoney = "invoices" | "billing accounts" | "fee plans";

/**
 * The money a studio has on record, first found: its invoices, else its billing accounts (payments
 * and ledgers are kept on them), else its fee plans (their prices); null when there is none. Three
 * one-item queries of the studio's partition, in parallel; asked only when the currency would change.
 */
export async function moneyOnRecord(studioId: string): Promise<RecordedMoney | null> {
  const { invoice, billingAccount, feePlan } = moneyDb().entities;
  const one = { limit: 1, pages: 1 } as const;
  const [invoices, accounts, plans] = await Promise.all([
    invoice.query.invoice({ studioId }).go({ ...one, attributes: ["invoiceId"] }),
    billingAccount.query.billingAccount({ studioId }).go({ ...one, attributes: ["accountId"] }),
    feePlan.query.feePlan({ studioId }).go({ ...one, attributes: ["feePlanId"] }),
  ]);
  if (invoices.data.length > 0) return "invoices";
  if (accounts.data.length > 0) return "billing accounts";
  if (plans.data.length > 0) return "fee plans";
  return null;
}
