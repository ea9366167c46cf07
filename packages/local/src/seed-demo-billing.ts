import type { Actor } from "@studiosync/core";
import * as Billing from "@studiosync/core/billing";
import { stripeApiBase } from "@studiosync/core/billing";
import { stripeClient } from "@studiosync/core/billing/stripe-library";
import { todayIn } from "@studiosync/core/people";
import { addMonths } from "@studiosync/core/kernel";
import type { DemoPeople } from "./seed-demo-schedule";

/**
 * The demo studio's money: billing settings (payment terms, a late fee, reminders, bank details,
 * and card payments through the local Stripe emulator with a webhook to the API); the Patels'
 * children on monthly plans and Sam on a per-lesson plan since last month; last month's billing run
 * sent and paid in full; an exam fee Sam was invoiced five weeks ago and has not paid (overdue); this
 * month's run sent — the Patels and Sam each have an emailed invoice with a link to its pay page —
 * with a part payment from Sam; and a draft for concert tickets, not sent yet.
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

  const today = todayIn(timeZone);
  const thisMonth = today.slice(0, 7);
  const lastMonth = addMonths(`${thisMonth}-01`, -1).slice(0, 7);
  const plan = (name: string, kind: "monthly" | "per_lesson", amountMinor: number, description: string) =>
    Billing.createFeePlan(owner, studioId, Billing.createFeePlanSchema.parse({ name, kind, amountMinor, description }));
  const enrol = (planId: string, studentId: string) =>
    Billing.enrolStudent(owner, studioId, planId, Billing.enrolStudentSchema.parse({ studentId, startDate: `${lastMonth}-01` }));
  await Promise.all([
    plan("Guitar monthly", "monthly", 16_000, "Weekly 45-minute guitar lessons").then((p) => enrol(p.id, people.dev)),
    plan("Piano monthly (children)", "monthly", 18_000, "Weekly 45-minute piano lessons for under-18s").then((p) => enrol(p.id, people.anika)),
    plan("Adult lesson", "per_lesson", 4_500, "45-minute lesson, billed per lesson").then((p) => enrol(p.id, people.sam)),
  ]);

  // Last month: billed, sent and paid in full.
  const last = await Billing.startBillingRun(owner, studioId, Billing.startBillingRunSchema.parse({ month: lastMonth }));
  await Billing.sendBillingRun(owner, studioId, last.id);
  const { invoices: lastInvoices } = await Billing.getBillingRun(owner, studioId, last.id);
  await Promise.all(
    lastInvoices
      .filter((invoice) => invoice.balanceDueMinor > 0)
      .map((invoice, i) =>
        pay(owner, studioId, {
          accountId: invoice.accountId,
          invoiceId: invoice.id,
          amountMinor: invoice.balanceDueMinor,
          method: i % 2 ? "card" : "bank_transfer",
          reference: `${invoice.number} paid`,
        }),
      ),
  );

  // Five weeks ago: Sam's exam entry fee, never paid — overdue since two weeks after that.
  const invoicedAt = new Date(Date.now() - 35 * 86_400_000);
  const exam = await Billing.createInvoice(
    owner,
    studioId,
    Billing.createInvoiceSchema.parse({
      account: { kind: "student", partyId: people.sam },
      lines: [{ description: "Grade 6 piano exam entry fee", quantity: 1, unitPriceMinor: 7_300 }],
    }),
    invoicedAt,
  );
  await Billing.sendInvoice(owner, studioId, exam.id, invoicedAt);

  // This month: billed and sent; Sam has paid half his lessons so far.
  const run = await Billing.startBillingRun(owner, studioId, Billing.startBillingRunSchema.parse({ month: thisMonth }));
  await Billing.sendBillingRun(owner, studioId, run.id);
  const { invoices } = await Billing.getBillingRun(owner, studioId, run.id);
  const sams = invoices.find((invoice) => invoice.accountId === people.sam);
  if (sams) {
    await pay(owner, studioId, {
      accountId: people.sam,
      invoiceId: sams.id,
      amountMinor: Math.floor(sams.totalMinor / 2),
      method: "bank_transfer",
      reference: "SAM RIVERS LESSONS",
    });
  }

  // A draft the owner has yet to send.
  await Billing.createInvoice(
    owner,
    studioId,
    Billing.createInvoiceSchema.parse({
      account: { kind: "family", partyId: people.family },
      lines: [{ description: "Spring concert tickets", quantity: 3, unitPriceMinor: 800 }],
      notes: "Tickets for the spring concert at St George's Hall.",
    }),
  );
}

const pay = (owner: Actor, studioId: string, payment: Record<string, unknown>) =>
  Billing.recordManualPayment(owner, studioId, Billing.recordPaymentSchema.parse(payment));

/** Test-mode keys for the local Stripe emulator, with a webhook endpoint at the API; none without the emulator. */
async function localStripeKeys(apiUrl: string) {
  if (!stripeApiBase()) return undefined;
  const secretKey = "sk_test_harmonyhouse";
  const stripe = await stripeClient(secretKey);
  const endpoint = await stripe.webhookEndpoints.create({ url: `${apiUrl}/v1/webhooks/stripe`, enabled_events: ["checkout.session.completed"] });
  return { publishableKey: "pk_test_harmonyhouse", secretKey, webhookSecret: endpoint.secret! };
}
