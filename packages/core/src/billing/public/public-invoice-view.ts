import { toPublicStudio, type StudioRecord } from "../../studios";
import { withBillingDefaults, type BillingSettingsRecord } from "../settings/defaults";
import { balanceDue, issuedStatus } from "../invoices/invoice-state";
import type { InvoiceRecord } from "../invoices/invoice-view";
import type { PublicInvoice } from "./public-invoice-schema";
import { accountCardWords, type AccountCardRecord } from "../autopay/account-card.entity";

export type { PublicInvoice };

/** Whether money can still be paid on an invoice: issued, not void, something owed. */
export const isPayable = (invoice: InvoiceRecord) => invoice.status !== "draft" && invoice.status !== "void" && balanceDue(invoice) > 0;

/**
 * The invoice as its public link shows it: the studio's branding and contact, the invoice's
 * number, dates, status, lines and totals, and how to pay (card through Stripe Checkout when the
 * studio configured Stripe and something is owed; the studio's offline instructions). Nothing
 * else of the account: no ids, no ledger, no other invoices, no payments, no addresses or emails
 * of the family, no history.
 */
export async function toPublicInvoice(input: {
  studio: StudioRecord;
  /** The account's saved card, if any (autopay/). */
  card?: AccountCardRecord | null;
  invoice: InvoiceRecord;
  settings: BillingSettingsRecord | null;
  billedTo: string | null;
  today: string;
  expiresAtSeconds: number;
}): Promise<PublicInvoice> {
  const { studio, invoice, today } = input;
  const settings = withBillingDefaults(input.settings);
  // Only issued invoices have links; one past due reads "overdue" at once, before the dunning job flips it.
  const status = invoice.status === "void" ? ("void" as const) : issuedStatus(invoice, today);
  const { description: _description, ...publicStudio } = await toPublicStudio(studio);
  return {
    number: invoice.number!,
    status,
    currency: invoice.currency,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    periodStart: invoice.periodStart ?? null,
    periodEnd: invoice.periodEnd ?? null,
    billedTo: input.billedTo,
    lines: invoice.lines.map((line) => ({
      description: line.description,
      quantity: line.quantity,
      unitPriceMinor: line.unitPriceMinor,
      totalMinor: line.totalMinor,
    })),
    subtotalMinor: invoice.subtotalMinor,
    discountMinor: invoice.discountMinor,
    discountDescription: invoice.discount?.description ?? null,
    taxName: invoice.taxName,
    taxRateMillipercent: invoice.taxRateMillipercent,
    taxMinor: invoice.taxMinor,
    totalMinor: invoice.totalMinor,
    lateFeeMinor: invoice.lateFeeMinor,
    amountPaidMinor: invoice.amountPaidMinor,
    creditedMinor: invoice.creditedMinor,
    balanceDueMinor: status === "void" ? 0 : balanceDue(invoice),
    notes: invoice.notes ?? null,
    footer: settings.invoiceFooter ?? null,
    studio: publicStudio,
    payment: {
      stripe: Boolean(settings.stripe) && isPayable(invoice),
      instructions: settings.paymentInstructions ?? null,
      autopay: input.card?.paymentMethodId && input.card.autopayShard ? { card: accountCardWords(input.card) } : null,
      canSaveCard: Boolean(settings.stripe) && invoice.status !== "void",
    },
    linkExpiresAt: new Date(input.expiresAtSeconds * 1000).toISOString(),
  };
}
