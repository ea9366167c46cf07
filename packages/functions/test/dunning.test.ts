import { randomUUID } from "node:crypto";
import * as Billing from "@studiosync/core/billing";
import { billingDb, readInvoiceToken } from "@studiosync/core/billing";
import { outboxDb } from "@studiosync/core/outbox";
import { addDays, localParts, zonedInstant } from "@studiosync/core/kernel";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { applyLocalEnv, ensureTableAndBucket, type StreamPoller } from "@studiosync/local/engines";
import { extractLink, outboxConsumerFor, readMail, type SentMail } from "@studiosync/local/testing";
import { handler } from "../src/modules/invoices/jobs/send-invoice-reminders";
import { api, uniqueEmail } from "./support/api";
import {
  billingWorld,
  type BillingWorld,
  draftInvoice,
  expectLedgerInvariants,
  getInvoice,
  ledgerOf,
  openAccount,
  type Owner,
  sendInvoice,
  sentInvoice,
} from "./support/billing";
import { addStudent } from "./support/people";

const HOUR = 3_600_000;
const NY = "America/New_York";
const AKL = "Pacific/Auckland";
const { formatMoney } = Billing.Money;

/** A reminder email to one of this file's recipients, on the local date (studio zone) of the job run that sent it. */
interface Delivered {
  to: string;
  localDate: string;
  subject: string;
  text: string;
}

const since = Math.floor(Date.now() / 1000) - 5;
const seen = new Set<string>();

/** Reminders that arrived since the last look, for the given addresses (the job has returned: SES local has them). */
async function newReminders(addresses: Set<string>, count: number): Promise<Array<SentMail & { to: string }>> {
  // The outbox sends them just after the run's commits: wait until `count` arrived.
  const out: Array<SentMail & { to: string }> = [];
  const deadline = Date.now() + 10_000;
  while (out.length < count && Date.now() < deadline) {
    const response = await fetch(`${process.env.SES_ENDPOINT}/store?since=${since}`);
    const { emails } = (await response.json()) as { emails: SentMail[] };
    for (const mail of emails) {
      const to = mail.destination.to[0]!.toLowerCase();
      if (seen.has(mail.messageId) || !addresses.has(to) || !/^(Reminder|Overdue): invoice/.test(mail.subject)) continue;
      seen.add(mail.messageId);
      out.push({ ...mail, to });
    }
    if (out.length < count) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return out;
}

async function putSettings(owner: Owner, body: Record<string, unknown>) {
  const res = await api("PUT", `/v1/studios/${owner.studio.id}/billing-settings`, { token: owner.accessToken, body });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

async function pay(owner: Owner, accountId: string, invoiceId: string, amountMinor: number) {
  const res = await api("POST", `/v1/studios/${owner.studio.id}/payments`, {
    token: owner.accessToken,
    headers: { "Idempotency-Key": randomUUID() },
    body: { accountId, invoiceId, amountMinor, method: "bank_transfer", reference: "Transfer" },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function addGuardian(world: BillingWorld, firstName: string) {
  const email = uniqueEmail(firstName).toLowerCase();
  const res = await api("POST", `/v1/studios/${world.studioId}/families/${world.familyId}/guardians`, {
    token: world.owner.accessToken,
    body: { firstName, lastName: "Rivera", relationship: "father", email },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return email;
}

async function studentAccountWithEmail(world: BillingWorld, firstName: string) {
  const email = uniqueEmail(firstName).toLowerCase();
  const student = await addStudent(world.owner, { firstName, email, primaryTeacherId: world.teacher.id });
  const account = { kind: "student" as const, partyId: student.id };
  await openAccount(world.studioId, account, `${student.firstName} ${student.lastName}`);
  return { email, account };
}

const storedInvoice = async (studioId: string, invoiceId: string) =>
  (await billingDb().entities.invoice.get({ studioId, invoiceId }).go({ consistent: true })).data!;

/** Runs the job twice at once, then once more: together they must do each due step exactly once. */
async function runRacing(now: Date) {
  const [a, b] = await Promise.all([Billing.runDunning({ now }), Billing.runDunning({ now })]);
  const again = await Billing.runDunning({ now });
  expect(again).toMatchObject({ steps: 0, emailsQueued: 0, lateFees: 0, failed: 0 });
  expect(a.failed + b.failed).toBe(0);
  return { steps: a.steps + b.steps, emailsQueued: a.emailsQueued + b.emailsQueued, lateFees: a.lateFees + b.lateFees };
}

let outbox: StreamPoller | undefined;
afterAll(() => outbox?.stop());

beforeAll(async () => {
  // The job reads every studio's dunning buckets: this file gets a table of its own, so its runs
  // touch only its own invoices and their counts can be asserted exactly.
  const env = inject("localEnv");
  const tableName = `dunning-${randomUUID()}`;
  await ensureTableAndBucket({ tableName, bucketName: env.bucketName, dynamodbEndpoint: env.dynamodbEndpoint, s3Endpoint: env.s3Endpoint });
  applyLocalEnv({ ...env, tableName });
  // Its own outbox consumer too: the global one serves the shared table only.
  outbox = await outboxConsumerFor(tableName);
});

describe("the dunning job over a simulated calendar", () => {
  it("emails each reminder once on its local day, applies the late fee once, and stops when paid", { timeout: 480_000 }, async () => {
    // New York studio: default reminders (3 days before, on the due date, 3/7/14 days after), 14-day terms, a 5.00 late fee from 7 days overdue.
    const ny = await billingWorld({ timeZone: NY, currency: "USD" });
    await putSettings(ny.owner, {
      lateFee: { kind: "fixed", amountMinor: 500, afterDays: 7 },
      paymentInstructions: "Bank transfer to Harmony Music, account 12345678",
    });
    const jon = await addGuardian(ny, "Jon");
    const sam = await studentAccountWithEmail(ny, "Sam");
    const zoe = await studentAccountWithEmail(ny, "Zoe");
    // Auckland studio (a day ahead of UTC): one reminder 2 days after a 5-day due date, with a 10 % late fee.
    const akl = await billingWorld({ timeZone: AKL, currency: "NZD" });
    await putSettings(akl.owner, {
      paymentTermsDays: 5,
      dunning: { daysBefore: 0, onDueDate: false, daysAfter: [2] },
      lateFee: { kind: "percent", rateMillipercent: 10_000, afterDays: 2 },
    });

    const family = await sentInvoice(ny.owner, ny.family, [{ description: "Piano lessons", quantity: 2, unitPriceMinor: 6000 }]);
    const paidOff = await sentInvoice(ny.owner, sam.account, [{ description: "Theory lesson", quantity: 1, unitPriceMinor: 4500 }]);
    const partial = await sentInvoice(ny.owner, zoe.account, [{ description: "Violin lessons", quantity: 2, unitPriceMinor: 4000 }]);
    const auckland = await sentInvoice(akl.owner, akl.family, [{ description: "Guitar lessons", quantity: 1, unitPriceMinor: 9999 }]);
    const nyToday = localParts(new Date(), NY).date;
    for (const invoice of [family, paidOff, partial]) {
      expect(invoice).toMatchObject({ status: "sent", issueDate: nyToday, dueDate: addDays(nyToday, 14) });
    }
    expect(family.emailedTo.sort()).toEqual([ny.guardianEmail, jon].sort());
    expect(auckland.dueDate).toBe(addDays(auckland.issueDate, 5));
    const stored = await storedInvoice(ny.studioId, family.id);
    expect(stored).toMatchObject({ nextDunningStep: "before", nextDunningDay: addDays(nyToday, 11) });

    const recipients = new Set([ny.guardianEmail, jon, sam.email, zoe.email, akl.guardianEmail]);
    const zoneOf = (to: string) => (to === akl.guardianEmail ? AKL : NY);
    const delivered: Delivered[] = [];
    const totals = { steps: 0, emailsQueued: 0, lateFees: 0 };
    let paidOffPaid = false;
    let partialPaid = false;

    // Every 6 hours for 31 days from now, as the hourly EventBridge rule would (more sparsely: every
    // local day still has a run between 09:00 and midnight).
    const start = Date.now();
    for (let now = new Date(start); now.getTime() <= start + 31 * 24 * HOUR; now = new Date(now.getTime() + 6 * HOUR)) {
      const run = await runRacing(now);
      totals.steps += run.steps;
      totals.emailsQueued += run.emailsQueued;
      totals.lateFees += run.lateFees;
      if (run.emailsQueued > 0) {
        const mails = await newReminders(recipients, run.emailsQueued);
        expect(mails).toHaveLength(run.emailsQueued);
        for (const mail of mails) {
          const local = localParts(now, zoneOf(mail.to));
          // Reminders go out from 09:00 on the studio's wall clock.
          expect(Number(local.time.slice(0, 2))).toBeGreaterThanOrEqual(9);
          delivered.push({ to: mail.to, localDate: local.date, subject: mail.subject, text: mail.body.text! });
        }
      }
      const nyDate = localParts(now, NY).date;
      // Paid in full the day after its due date: no overdue reminder follows.
      if (!paidOffPaid && nyDate >= addDays(paidOff.dueDate, 1)) {
        await pay(ny.owner, paidOff.accountId, paidOff.id, paidOff.totalMinor);
        paidOffPaid = true;
      }
      // Part paid after the first reminder: the next ones ask for the rest.
      if (!partialPaid && nyDate >= addDays(partial.issueDate, 12)) {
        await pay(ny.owner, partial.accountId, partial.id, 3000);
        partialPaid = true;
      }
    }
    expect(paidOffPaid && partialPaid).toBe(true);

    const on = (invoice: { dueDate: string }, days: number) => addDays(invoice.dueDate, days);
    const of = (to: string, number: string) =>
      delivered.filter((d) => d.to === to && d.subject.includes(`invoice ${number} `)).map((d) => [d.localDate, d.subject.replace(/ from .* is /, " is ")]);
    const fullRun = (invoice: { dueDate: string; number: string }) => [
      [on(invoice, -3), `Reminder: invoice ${invoice.number} is due in 3 days`],
      [on(invoice, 0), `Reminder: invoice ${invoice.number} is due today`],
      [on(invoice, 3), `Overdue: invoice ${invoice.number} is overdue by 3 days`],
      [on(invoice, 7), `Overdue: invoice ${invoice.number} is overdue by 7 days`],
      [on(invoice, 14), `Overdue: invoice ${invoice.number} is overdue by 14 days`],
    ];
    expect(of(ny.guardianEmail, family.number)).toEqual(fullRun(family));
    expect(of(jon, family.number)).toEqual(fullRun(family));
    expect(of(sam.email, paidOff.number)).toEqual(fullRun(paidOff).slice(0, 2));
    expect(of(zoe.email, partial.number)).toEqual(fullRun(partial));
    expect(of(akl.guardianEmail, auckland.number)).toEqual([[on(auckland, 2), `Overdue: invoice ${auckland.number} is overdue by 2 days`]]);
    expect(delivered).toHaveLength(5 + 5 + 2 + 5 + 1);
    expect(totals).toEqual({ steps: 5 + 2 + 5 + 1, emailsQueued: delivered.length, lateFees: 3 });

    // What the reminders say: amount due with the late fee once it is added, the instructions, a link to the public invoice page.
    const usd = (minor: number) => formatMoney(minor, "USD");
    const familyMails = delivered.filter((d) => d.to === ny.guardianEmail);
    expect(familyMails[0]!.text).toMatch(/^Hi Maria,/);
    expect(familyMails[0]!.text).toContain(`Amount due: ${usd(12_000)} (invoice total ${usd(12_000)}).`);
    expect(familyMails[0]!.text).toContain("How to pay: Bank transfer to Harmony Music, account 12345678");
    expect(familyMails[2]!.text).not.toContain("late fee");
    expect(familyMails[3]!.text).toContain(`A late fee of ${usd(500)} has been added to the invoice`);
    expect(familyMails[3]!.text).toContain(`Amount due: ${usd(12_500)} (invoice total ${usd(12_000)}, late fee ${usd(500)}).`);
    expect(familyMails[4]!.text).not.toContain("has been added");
    expect(familyMails[4]!.text).toContain(`Amount due: ${usd(12_500)}`);
    const link = new URL(extractLink(familyMails[4]!.text, `/${ny.owner.studio.slug}/invoices/`));
    expect(readInvoiceToken(link.pathname.split("/").pop()!)).toMatchObject({ studioId: ny.studioId, invoiceId: family.id });
    const zoeMails = delivered.filter((d) => d.to === zoe.email);
    expect(zoeMails[0]!.text).toContain(`Amount due: ${usd(8000)} (invoice total ${usd(8000)}).`);
    expect(zoeMails[1]!.text).toContain(`Amount due: ${usd(5000)} (invoice total ${usd(8000)}, paid so far ${usd(3000)}).`);
    expect(zoeMails[3]!.text).toContain(`Amount due: ${usd(5500)} (invoice total ${usd(8000)}, late fee ${usd(500)}, paid so far ${usd(3000)}).`);
    const aklMail = delivered.find((d) => d.to === akl.guardianEmail)!;
    // 10 % of 99.99 = 9.999 → 10.00 (half up, on the total).
    expect(aklMail.text).toContain(`A late fee of ${formatMoney(1000, "NZD")} has been added`);
    expect(aklMail.text).toContain(`Amount due: ${formatMoney(10_999, "NZD")}`);

    // The family's invoice: every step recorded once, overdue, the fee on it and on the ledger once.
    const record = await storedInvoice(ny.studioId, family.id);
    expect(record).toMatchObject({
      status: "overdue",
      listState: "open",
      lateFeeMinor: 500,
      balanceDueMinor: 12_500,
      dunningSteps: ["before", "due", "after-3", "after-7", "after-14"],
    });
    expect(record.nextDunningDay).toBeUndefined();
    expect(record.lateFeeAppliedAt).toBeTruthy();
    const view = await getInvoice(ny.owner, family.id);
    expect(view.status).toBe(200);
    const events = (view.body.history as Array<{ event: string; detail: string }>).filter((h) => h.event === "reminder" || h.event === "late_fee");
    expect(events.map((h) => h.event)).toEqual(["reminder", "reminder", "reminder", "late_fee", "reminder", "reminder"]);
    expect(events[0]!.detail).toBe(`Reminder (due in 3 days) emailed to ${[ny.guardianEmail, jon].join(", ")}`);
    expect(events[3]!.detail).toBe(`Late fee of ${usd(500)} added (7 days after the due date)`);
    const fees = (await ledgerOf(ny.studioId, family.accountId)).filter((e) => e.type === "late_fee");
    expect(fees.map((e) => [e.amountMinor, e.invoiceId])).toEqual([[500, family.id]]);
    expect((await expectLedgerInvariants(ny.studioId, family.accountId)).balanceMinor).toBe(12_500);

    // Paid off: closed, no pending step left behind, two reminders on its history.
    const paidRecord = await storedInvoice(ny.studioId, paidOff.id);
    expect(paidRecord).toMatchObject({ status: "paid", listState: "closed", lateFeeMinor: 0, dunningSteps: ["before", "due"] });
    expect(paidRecord.nextDunningDay).toBeUndefined();
    expect((await expectLedgerInvariants(ny.studioId, paidOff.accountId)).balanceMinor).toBe(0);

    const partialRecord = await storedInvoice(ny.studioId, partial.id);
    expect(partialRecord).toMatchObject({ status: "overdue", amountPaidMinor: 3000, lateFeeMinor: 500, balanceDueMinor: 5500 });
    expect((await expectLedgerInvariants(ny.studioId, partial.accountId)).balanceMinor).toBe(5500);
    const aklRecord = await storedInvoice(akl.studioId, auckland.id);
    expect(aklRecord).toMatchObject({ status: "overdue", lateFeeMinor: 1000, balanceDueMinor: 10_999, dunningSteps: ["after-2"] });
    expect((await expectLedgerInvariants(akl.studioId, auckland.accountId)).balanceMinor).toBe(10_999);

    // Nothing is left in the work queue of these invoices.
    for (const invoice of [family, paidOff, partial]) {
      for (const days of [-3, 0, 3, 7, 14]) {
        const { data } = await billingDb()
          .entities.dunningDue.query.dunningDue({ day: on(invoice, days) })
          .go();
        expect(data.filter((d) => d.invoiceId === invoice.id)).toEqual([]);
      }
    }
  });
});

describe("the dunning job's edges", () => {
  let world: BillingWorld;
  beforeAll(async () => {
    world = await billingWorld({ timeZone: NY });
  });

  /** A sent invoice due today (its first step is the due-date reminder, today). */
  async function dueToday() {
    const today = localParts(new Date(), NY).date;
    const draft = await draftInvoice(world.owner, world.family, undefined, { dueDate: today });
    const sent = await sendInvoice(world.owner, draft.id);
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const record = await storedInvoice(world.studioId, draft.id);
    expect(record).toMatchObject({ nextDunningDay: today, nextDunningStep: "due" });
    return { ...sent.body, today } as { id: string; number: string; today: string };
  }
  const remindersOf = async (number: string) => (await readMail(world.guardianEmail, { count: 0, subject: `invoice ${number} ` })).length;

  it("catches up after days without a run with one up-to-date reminder, not a burst", async () => {
    const invoice = await dueToday();
    // The job last finished the day before yesterday, then was down until 8 days after the due
    // date: only the latest step due by then (after-7) is sent.
    await billingDb()
      .entities.jobCursor.put({ job: Billing.DUNNING_JOB, doneThrough: addDays(invoice.today, -2) })
      .go();
    const late = zonedInstant(addDays(invoice.today, 8), "10:00", NY);
    const run = await Billing.runDunning({ now: late });
    expect(run).toMatchObject({ steps: 1, emailsQueued: 1, failed: 0 });
    const [mail] = await readMail(world.guardianEmail, { subject: `invoice ${invoice.number} ` });
    expect(mail!.subject).toContain("is overdue by 8 days");
    const record = await storedInvoice(world.studioId, invoice.id);
    expect(record).toMatchObject({ dunningSteps: ["after-7"], nextDunningStep: "after-14", nextDunningDay: addDays(invoice.today, 14), status: "overdue" });
    expect(await Billing.runDunning({ now: new Date(late.getTime() + HOUR) })).toMatchObject({ steps: 0 });
    expect(await remindersOf(invoice.number)).toBe(1);
  });

  it("waits for 09:00 local time; the reminder is enqueued with its step (issue 10 #21) and sent once", async () => {
    const invoice = await dueToday();
    const early = await Billing.runDunning({ now: zonedInstant(invoice.today, "08:30", NY) });
    expect(early).toMatchObject({ steps: 0, waiting: 1 });
    expect(await storedInvoice(world.studioId, invoice.id)).toMatchObject({ nextDunningStep: "due", dunningSteps: [] });

    const at = zonedInstant(invoice.today, "09:15", NY);
    // The step and its email commit together; the outbox sends it (and retries a failed send: outbox.test.ts).
    expect(await Billing.runDunning({ now: at })).toMatchObject({ steps: 1, emailsQueued: 1, failed: 0 });
    const record = await storedInvoice(world.studioId, invoice.id);
    expect(record.dunningSteps).toEqual(["due"]);
    expect(record.nextDunningStep).toBe("after-3");
    expect(record.history!.filter((h) => h.event === "reminder")).toHaveLength(1);
    const message = await outboxDb()
      .entities.outboxMessage.get({ scope: world.studioId, messageId: `dunning#${invoice.id}#due#${world.guardianEmail}` })
      .go({ consistent: true });
    expect(message.data).toMatchObject({ to: world.guardianEmail });
    await readMail(world.guardianEmail, { subject: `invoice ${invoice.number} ` });
    expect(await Billing.runDunning({ now: new Date(at.getTime() + HOUR) })).toMatchObject({ steps: 0, emailsQueued: 0 });
    expect(await remindersOf(invoice.number)).toBe(1);
  });

  it("stops for an invoice paid before its step, and resumes from today when a refund re-opens it", async () => {
    const invoice = await dueToday();
    const paid = await pay(world.owner, world.familyId, invoice.id, 6000);
    expect(await storedInvoice(world.studioId, invoice.id)).toMatchObject({ status: "paid", listState: "closed" });
    const at = zonedInstant(invoice.today, "10:00", NY);
    expect(await Billing.runDunning({ now: at })).toMatchObject({ steps: 0, emailsQueued: 0 });
    expect(await remindersOf(invoice.number)).toBe(0);

    const refund = await api("POST", `/v1/studios/${world.studioId}/payments/${paid.id}/refunds`, {
      token: world.owner.accessToken,
      headers: { "Idempotency-Key": randomUUID() },
      body: { amountMinor: 2000, reason: "Lesson shortened" },
    });
    expect(refund.status, JSON.stringify(refund.body)).toBe(201);
    expect(await storedInvoice(world.studioId, invoice.id)).toMatchObject({ listState: "open", nextDunningDay: invoice.today, nextDunningStep: "due" });
    expect(await Billing.runDunning({ now: new Date(at.getTime() + HOUR) })).toMatchObject({ steps: 1, emailsQueued: 1 });
    const [mail] = await readMail(world.guardianEmail, { subject: `invoice ${invoice.number} ` });
    expect(mail!.subject).toContain("is due today");
    const usd = (minor: number) => formatMoney(minor, "USD");
    expect(mail!.body.text).toContain(`Amount due: ${usd(2000)} (invoice total ${usd(6000)}, paid so far ${usd(4000)}).`);
    await expectLedgerInvariants(world.studioId, world.familyId);
  });

  it("sends nothing for a voided invoice, and the Lambda handler runs the job", async () => {
    const invoice = await dueToday();
    const voided = await api("POST", `/v1/studios/${world.studioId}/invoices/${invoice.id}/void`, {
      token: world.owner.accessToken,
      body: { reason: "Billed to the wrong family" },
    });
    expect(voided.status, JSON.stringify(voided.body)).toBe(200);
    const run = await Billing.runDunning({ now: zonedInstant(invoice.today, "10:00", NY) });
    expect(run).toMatchObject({ steps: 0, emailsQueued: 0, failed: 0 });
    expect(await remindersOf(invoice.number)).toBe(0);
    const { data } = await billingDb().entities.dunningDue.query.dunningDue({ day: invoice.today }).go();
    expect(data.filter((d) => d.invoiceId === invoice.id)).toEqual([]);

    await expect(handler()).resolves.toMatchObject({ failed: 0 });
  });
});
