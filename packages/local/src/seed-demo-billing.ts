import type { Actor } from "@studiosync/core";
import * as Billing from "@studiosync/core/billing/index";
import { stripeApiBase, stripeClient } from "@studiosync/core/billing/stripe/index";
import { todayIn } from "@studiosync/core/people/profile-fields";
import type { DemoPeople } from "./seed-demo-schedule";

/**
 * The demo studio's money: billing settings (payment terms, a late fee, reminders, bank details,
 * and card payments through the local Stripe emulator with a webhook to the API), Dev on a monthly
 * guitar plan, and this month's billing run sent — so the Patels and Sam each have an emailed
 * invoice with a link to its pay page — with a part payment from Sam.
 */
export async function seedDemoBilling(owner: Actor, studioId: string, timeZone: string, people: DemoPeople, apiUrl: string): Promise<void> {
  await Billing.setBillingSettings(
    owner,
    studioId,
    Billing.billingSettingsSchema.parse({
      paymentTermsDays: 14,
      lateFee: { kind: "fixed", amountMinor: 500, afterDays: 7 },
      dunning: { daysBefore: 3, onDueDate: true, daysAfter: [3, 7, 14] },
      paymentInstructions: "Bank transfer to Harmony House Music Ltd, sort code 12-34-56, account 12345678. Please quote your invoice number.",
      invoiceFooter: "Thank you for making music with us!",
      autoRun: { enabled: true, dayOfMonth: 1, period: "current_month" },
      stripe: await localStripeKeys(apiUrl),
    }),
  );

  const plan = await Billing.createFeePlan(
    owner,
    studioId,
    Billing.createFeePlanSchema.parse({ name: "Guitar monthly", kind: "monthly", amountMinor: 16_000, description: "Weekly 45-minute guitar lessons" }),
  );
  const today = todayIn(timeZone);
  await Billing.enrolStudent(owner, studioId, plan.id, Billing.enrolStudentSchema.parse({ studentId: people.dev, startDate: `${today.slice(0, 7)}-01` }));

  const run = await Billing.startBillingRun(owner, studioId, Billing.startBillingRunSchema.parse({ month: today.slice(0, 7) }));
  await Billing.sendBillingRun(owner, studioId, run.id);
  const samInvoices = await Billing.listInvoices(owner, studioId, Billing.listInvoicesQuerySchema.parse({ accountId: people.sam }));
  const invoice = samInvoices.items[0];
  if (invoice) {
    await Billing.recordManualPayment(
      owner,
      studioId,
      Billing.recordPaymentSchema.parse({ accountId: people.sam, invoiceId: invoice.id, amountMinor: Math.floor(invoice.totalMinor / 2), method: "bank_transfer", reference: "SAM RIVERS LESSONS" }),
    );
  }
}

/** Test-mode keys for the local Stripe emulator, with a webhook endpoint at the API; none without the emulator. */
async function localStripeKeys(apiUrl: string) {
  if (!stripeApiBase()) return undefined;
  const secretKey = "sk_test_harmonyhouse";
  const stripe = await stripeClient(secretKey);
  const endpoint = await stripe.webhookEndpoints.create({ url: `${apiUrl}/v1/webhooks/stripe`, enabled_events: ["checkout.session.completed"] });
  return { publishableKey: "pk_test_harmonyhouse", secretKey, webhookSecret: endpoint.secret! };
}
