import { randomUUID } from "node:crypto";
import { lendingDb } from "@studiosync/core/lending";
import { billingDb } from "@studiosync/core/billing";
import { localParts, zonedInstant, addDays } from "@studiosync/core/kernel";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { applyLocalEnv, ensureTableAndBucket, type StreamPoller } from "@studiosync/local/engines";
import { extractLink, outboxConsumerFor, outboxDrained, readMail } from "@studiosync/local/testing";
import { sendLoanReminders } from "../src/modules/lending/jobs/send-loan-reminders";
import { api, ownerWithStudio, uniqueEmail } from "./support/api";
import { memberWithRole } from "./support/members";
import { addStudent } from "./support/people";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;
const ZONE = "Europe/London";
const today = () => localParts(new Date(), ZONE).date;

let owner: Owner;
let outsider: Owner;
let parent: { accessToken: string };
let guardianEmail: string;
let familyId: string;
let studentId: string;
let outbox: StreamPoller | undefined;

const path = (rest: string, studioId = owner.studio.id) => `/v1/studios/${studioId}${rest}`;
const as = (method: string, rest: string, body?: unknown, token = owner.accessToken) =>
  api(method, path(rest), { token, ...(body === undefined ? {} : { body }) });

async function addItem(body: Record<string, unknown> = {}) {
  const res = await as("POST", "/items", {
    name: "Violin 3/4",
    category: "instrument",
    isBorrowable: true,
    serialNumber: `V-${randomUUID().slice(0, 6)}`,
    ...body,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; availableQuantity: number };
}

const itemNow = async (itemId: string) => (await as("GET", `/items/${itemId}`)).body;

afterAll(() => outbox?.stop());

beforeAll(async () => {
  // The reminder job reads every studio's due buckets: this file has a table (and an outbox consumer) of its own.
  const env = inject("localEnv");
  const tableName = `lending-${randomUUID()}`;
  await ensureTableAndBucket({ tableName, bucketName: env.bucketName, dynamodbEndpoint: env.dynamodbEndpoint, s3Endpoint: env.s3Endpoint });
  applyLocalEnv({ ...env, tableName });
  outbox = await outboxConsumerFor(tableName);

  [owner, outsider] = await Promise.all([ownerWithStudio({ timeZone: ZONE, currency: "GBP", studioName: "Harmony House" }), ownerWithStudio()]);
  const family = await as("POST", "/families", { name: "Patel Family" });
  familyId = family.body.id;
  guardianEmail = uniqueEmail("priya").toLowerCase();
  const guardian = await as("POST", `/families/${familyId}/guardians`, { firstName: "Priya", lastName: "Patel", relationship: "mother", email: guardianEmail });
  expect(guardian.status).toBe(201);
  studentId = (await addStudent(owner, { firstName: "Dev", lastName: "Patel", familyId })).id;
  parent = await memberWithRole(owner, "parent", { guardianId: guardian.body.id, familyId });
});

describe("a family borrows a violin", () => {
  it("request → approve (email, charges) → return (units back, condition, history)", async () => {
    const violin = await addItem({ depositMinor: 5000, rentalFeeMinor: 1250, maxLoanDays: 60 });
    const dueDate = addDays(today(), 14);

    const requested = await as("POST", "/loans", { itemId: violin.id, studentId, dueDate, note: "For the spring concert" }, parent.accessToken);
    expect(requested.status, JSON.stringify(requested.body)).toBe(201);
    expect(requested.body).toMatchObject({ status: "requested", itemName: "Violin 3/4", dueDate, quantity: 1, depositMinor: null });
    expect((await itemNow(violin.id)).availableQuantity).toBe(1);

    const waiting = await as("GET", "/loans?state=requested");
    expect(waiting.body.items.map((l: { id: string }) => l.id)).toContain(requested.body.id);

    const approved = await as("POST", `/loans/${requested.body.id}/approve`, {});
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body).toMatchObject({ status: "out", dueDate, depositMinor: 5000, rentalFeeMinor: 1250, isOverdue: false });
    expect(await itemNow(violin.id)).toMatchObject({ availableQuantity: 0, status: "on_loan" });

    const [mail] = await readMail(guardianEmail, { subject: "is lent to Dev" });
    expect(mail!.subject).toContain("Violin 3/4");
    expect(mail!.body.text).toContain("£50.00");
    expect(mail!.body.text).toContain("£12.50");
    const link = extractLink(mail!.body.text ?? "", `/portal/studios/${owner.studio.id}/loans/${requested.body.id}`);
    expect(link).toBeTruthy();

    // Approving twice is a 409 naming why; nothing more is lent.
    const again = await as("POST", `/loans/${requested.body.id}/approve`, {});
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("loan.not_requested");

    const returned = await as("POST", `/loans/${requested.body.id}/return`, { condition: "fair", notes: "Scratch on the back" });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    expect(returned.body).toMatchObject({ status: "returned", returnCondition: "fair", depositKeptMinor: 0 });
    expect(await itemNow(violin.id)).toMatchObject({ availableQuantity: 1, status: "available", condition: "fair" });

    const byItem = await as("GET", `/loans?itemId=${violin.id}`);
    expect(byItem.body.items.map((l: { id: string; status: string }) => [l.id, l.status])).toEqual([[requested.body.id, "returned"]]);
    // The item's page reads it with its history in one call; a family may not ask for the history.
    const withHistory = await as("GET", `/items/${violin.id}?include=history`);
    expect(withHistory.status, JSON.stringify(withHistory.body)).toBe(200);
    expect(withHistory.body.history.loans).toEqual(byItem.body);
    expect(withHistory.body.history.maintenance).toEqual((await as("GET", `/items/${violin.id}/maintenance`)).body);
    expect((await as("GET", `/items/${violin.id}`)).body).not.toHaveProperty("history");
    expect((await as("GET", `/items/${violin.id}?include=history`, undefined, parent.accessToken)).status).toBe(403);
    expect((await as("GET", `/items/${violin.id}?include=everything`)).status).toBe(422);
    const byStudent = await as("GET", `/loans?studentId=${studentId}`, undefined, parent.accessToken);
    expect(byStudent.body.items.map((l: { id: string }) => l.id)).toContain(requested.body.id);
    const open = await as("GET", "/loans?state=out");
    expect(open.body.items.map((l: { id: string }) => l.id)).not.toContain(requested.body.id);
  });

  it("a family withdraws its own request; an admin declines another", async () => {
    const item = await addItem();
    const first = await as("POST", "/loans", { itemId: item.id, studentId }, parent.accessToken);
    const withdrawn = await as("POST", `/loans/${first.body.id}/cancel`, {}, parent.accessToken);
    expect(withdrawn.body.status).toBe("cancelled");
    const second = await as("POST", "/loans", { itemId: item.id, studentId }, parent.accessToken);
    const declined = await as("POST", `/loans/${second.body.id}/decline`, { reason: "Needed for the exam week" });
    expect(declined.body).toMatchObject({ status: "declined", closeReason: "Needed for the exam week" });
    expect((await as("POST", `/loans/${second.body.id}/approve`, {})).body.code).toBe("loan.not_requested");

    // The household hears of the decline, with the studio's note and a link to the request; a withdrawal sends nothing.
    const [mail] = await readMail(guardianEmail, { subject: /can't be lent this time/ });
    expect(mail!.body.text).toContain("Needed for the exam week");
    expect(extractLink(mail!.body.text ?? "", `/portal/studios/${owner.studio.id}/loans/${second.body.id}`)).toBeTruthy();
    expect(await readMail(guardianEmail, { subject: /can't be lent this time/, count: 1 })).toHaveLength(1);
  });
});

describe("never lends more than there is", () => {
  it("concurrent approvals of a 2-unit item: exactly two lend, the rest are 409 and write nothing", async () => {
    const item = await addItem({ name: "Practice pad", category: "equipment", quantity: 2 });
    const requests = await Promise.all(Array.from({ length: 5 }, () => as("POST", "/loans", { itemId: item.id, studentId })));
    const answers = await Promise.all(requests.map((r) => as("POST", `/loans/${r.body.id}/approve`, {})));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 409, 409, 409]);
    for (const refused of answers.filter((a) => a.status === 409)) expect(["item.unavailable", "loan.changed"]).toContain(refused.body.code);
    expect(await itemNow(item.id)).toMatchObject({ availableQuantity: 0, quantity: 2 });
    const out = (await as("GET", `/loans?itemId=${item.id}`)).body.items.filter((l: { status: string }) => l.status === "out");
    expect(out).toHaveLength(2);
  });

  it("concurrent lend-now of the last unit: one wins", async () => {
    const item = await addItem({ name: "Cello 1/2" });
    const answers = await Promise.all(Array.from({ length: 4 }, () => as("POST", "/loans", { itemId: item.id, studentId, lendNow: true })));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(3);
    expect((await itemNow(item.id)).availableQuantity).toBe(0);
    expect((await as("GET", `/loans?itemId=${item.id}`)).body.items).toHaveLength(1);
  });

  it("an item in maintenance or retired cannot be asked for or lent", async () => {
    const item = await addItem({ name: "Viola" });
    const request = await as("POST", "/loans", { itemId: item.id, studentId });
    expect((await as("PATCH", `/items/${item.id}`, { status: "maintenance" })).status).toBe(200);
    const approve = await as("POST", `/loans/${request.body.id}/approve`, {});
    expect(approve.status).toBe(409);
    expect(approve.body.code).toBe("item.not_lendable");
    expect((await as("POST", "/loans", { itemId: item.id, studentId }, parent.accessToken)).body.code).toBe("item.not_lendable");
    expect((await as("PATCH", `/items/${item.id}`, { status: "retired" })).status).toBe(200);
    expect((await as("POST", "/loans", { itemId: item.id, studentId, lendNow: true })).status).toBe(409);
    expect((await itemNow(item.id)).availableQuantity).toBe(1);
  });

  it("the quantity cannot drop below the units on loan, and a lent item cannot be deleted", async () => {
    const item = await addItem({ name: "Music stand", category: "equipment", quantity: 3 });
    await as("POST", "/loans", { itemId: item.id, studentId, quantity: 2, lendNow: true });
    const shrink = await as("PATCH", `/items/${item.id}`, { quantity: 1 });
    expect(shrink.status).toBe(409);
    expect(shrink.body).toMatchObject({ code: "item.units_on_loan" });
    expect((await as("PATCH", `/items/${item.id}`, { quantity: 5 })).body).toMatchObject({ quantity: 5, availableQuantity: 3 });
    expect((await as("DELETE", `/items/${item.id}`)).status).toBe(409);
  });
});

describe("bad input is a clear 4xx and writes nothing", () => {
  it("names each bad field", async () => {
    const item = await addItem();
    const cases: [string, string, unknown, string][] = [
      ["POST", "/items", { name: "", category: "instrument" }, "name"],
      ["POST", "/items", { name: "Flute", category: "brass" }, "category"],
      ["POST", "/items", { name: "Flute", category: "instrument", quantity: 0 }, "quantity"],
      ["POST", "/items", { name: "Reeds", category: "accessories", isConsumable: true, isBorrowable: true }, "isBorrowable"],
      ["POST", "/items", { name: "Flute", category: "instrument", valueMinor: 12.5 }, "valueMinor"],
      ["POST", "/items", { name: "Flute", category: "instrument", purchaseDate: "2023-02-30" }, "purchaseDate"],
      ["POST", "/loans", { itemId: item.id, studentId, dueDate: "2020-01-01" }, "dueDate"],
      ["POST", "/loans", { itemId: item.id, studentId, quantity: 2 }, "quantity"],
      ["POST", "/loans", { itemId: item.id, studentId, depositMinor: 100 }, "depositMinor"],
      ["POST", "/loans", { itemId: item.id }, "studentId"],
      ["POST", `/items/${item.id}/maintenance`, { performedOn: "2026-01-01" }, "description"],
      ["GET", "/loans", undefined, "studentId"],
    ];
    for (const [method, rest, body, field] of cases) {
      const res = await as(method, rest, body);
      expect(res.status, `${method} ${rest} ${JSON.stringify(body)}: ${JSON.stringify(res.body)}`).toBe(422);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(field);
    }
    const loans = (await as("GET", `/loans?itemId=${item.id}`)).body.items;
    expect(loans).toHaveLength(0);
    const request = await as("POST", "/loans", { itemId: item.id, studentId });
    expect((await as("POST", `/loans/${request.body.id}/return`, { condition: "good" })).body.code).toBe("loan.not_out");
    const lent = await as("POST", `/loans/${request.body.id}/approve`, { depositMinor: 1000 });
    const keepTooMuch = await as("POST", `/loans/${lent.body.id}/return`, { condition: "good", depositKeptMinor: 2000 });
    expect(keepTooMuch.status).toBe(422);
    expect(keepTooMuch.body.errors[0].path).toBe("depositKeptMinor");
    expect((await as("GET", `/loans/${lent.body.id}`)).body.status).toBe("out");
    expect((await itemNow(item.id)).availableQuantity).toBe(0);
  });
});

describe("another studio", () => {
  it("answers 404 for every item and loan of this one", async () => {
    const item = await addItem();
    const loan = await as("POST", "/loans", { itemId: item.id, studentId });
    const probes: [string, string, unknown?][] = [
      ["GET", `/items/${item.id}`],
      ["PATCH", `/items/${item.id}`, { name: "Mine now" }],
      ["GET", `/loans/${loan.body.id}`],
      ["POST", `/loans/${loan.body.id}/approve`, {}],
    ];
    for (const [method, rest, body] of probes) {
      expect((await api(method, path(rest), { token: outsider.accessToken, ...(body ? { body } : {}) })).status).toBe(404);
      // Its own studio id with this studio's record ids: not found either.
      expect((await api(method, path(rest, outsider.studio.id), { token: outsider.accessToken, ...(body ? { body } : {}) })).status).toBe(404);
    }
    expect((await as("GET", `/loans/${loan.body.id}`)).body.status).toBe("requested");
    expect((await api("GET", path(`/loans?familyId=${familyId}`, outsider.studio.id), { token: outsider.accessToken })).status).toBe(404);
  });
});

describe("a family's loans", () => {
  it("lists every child's loans newest first in one call, for its parents and admins; no one else's", async () => {
    const family = await as("POST", "/families", { name: "Big Family" });
    const kids = [];
    for (const firstName of ["Ana", "Ben", "Cai", "Dua", "Eli"]) kids.push(await addStudent(owner, { firstName, familyId: family.body.id }));
    const item = await addItem({ name: "Tuner", category: "equipment", quantity: 10 });
    const asked = [];
    for (const kid of kids) asked.push((await as("POST", "/loans", { itemId: item.id, studentId: kid.id })).body.id as string);
    const listed = await as("GET", `/loans?familyId=${family.body.id}`);
    expect(listed.status, JSON.stringify(listed.body)).toBe(200);
    expect(listed.body.items.map((l: { id: string }) => l.id)).toEqual([...asked].reverse());
    expect(listed.body.nextCursor).toBeNull();
    expect((await as("GET", `/loans?familyId=${family.body.id}&limit=2`)).body.items.map((l: { id: string }) => l.id)).toEqual(asked.slice(3).reverse());
    // Another family's parent sees nothing of it; the cursor of a family list is refused by name.
    expect((await as("GET", `/loans?familyId=${family.body.id}`, undefined, parent.accessToken)).status).toBe(404);
    const own = await as("GET", `/loans?familyId=${familyId}`, undefined, parent.accessToken);
    expect(own.status).toBe(200);
    expect(own.body.items.every((l: { studentId: string }) => l.studentId === studentId)).toBe(true);
    const paged = await as("GET", `/loans?familyId=${familyId}&cursor=abc`);
    expect(paged.status).toBe(422);
    expect(paged.body.errors.map((e: { path: string }) => e.path)).toContain("cursor");
  });
});

describe("the loan reminder job", () => {
  it("run twice sends each reminder once: on the due date, then overdue", async () => {
    const email = uniqueEmail("reminded").toLowerCase();
    const family = await as("POST", "/families", { name: "Reminder Family" });
    await as("POST", `/families/${family.body.id}/guardians`, { firstName: "Rosa", lastName: "Reed", relationship: "mother", email });
    const kid = await addStudent(owner, { firstName: "Ravi", familyId: family.body.id });
    const item = await addItem({ name: "Violin 1/2" });
    const due = today();
    const lent = await as("POST", "/loans", { itemId: item.id, studentId: kid.id, lendNow: true, dueDate: due });
    expect(lent.status, JSON.stringify(lent.body)).toBe(201);
    await readMail(email, { subject: "is lent to Ravi" });

    const before = await sendLoanReminders(() => zonedInstant(due, "08:00", ZONE))();
    expect(before.waiting).toBeGreaterThanOrEqual(1);
    const first = await sendLoanReminders(() => zonedInstant(due, "10:00", ZONE))();
    const second = await sendLoanReminders(() => zonedInstant(due, "11:00", ZONE))();
    expect(first.sent).toBeGreaterThanOrEqual(1);
    await outboxDrained(owner.studio.id);
    const dueMail = await readMail(email, { subject: /^Reminder: Violin 1\/2/ });
    expect(dueMail).toHaveLength(1);
    expect(dueMail[0]!.subject).toContain("is due today");
    expect(dueMail[0]!.body.text).toContain(`/portal/studios/${owner.studio.id}/loans/${lent.body.id}`);
    expect(second.sent).toBe(0);

    const later = addDays(due, 3);
    await sendLoanReminders(() => zonedInstant(later, "09:30", ZONE))();
    await sendLoanReminders(() => zonedInstant(later, "09:31", ZONE))();
    await outboxDrained(owner.studio.id);
    const overdue = await readMail(email, { subject: /^Overdue: Violin 1\/2/ });
    expect(overdue).toHaveLength(1);
    expect(overdue[0]!.subject).toContain("overdue by 3 days");
    expect((await as("GET", `/loans/${lent.body.id}`)).body.remindersSent).toEqual(["due", "overdue"]);
    // Nothing is left in the queue for it.
    const queued = await lendingDb()
      .entities.loanDue.query.loanDue({ day: addDays(due, 3) })
      .go();
    expect(queued.data.filter((d) => d.loanId === lent.body.id)).toHaveLength(0);
    expect(await readMail(email, { subject: /Violin 1\/2/, count: 3 })).toHaveLength(3);
  });

  it("a loan returned before its due date is never reminded", async () => {
    const email = uniqueEmail("returned").toLowerCase();
    const kid = await addStudent(owner, { firstName: "Rhea", email });
    const item = await addItem({ name: "Tuner", category: "accessories" });
    const due = addDays(today(), 2);
    const lent = await as("POST", "/loans", { itemId: item.id, studentId: kid.id, lendNow: true, dueDate: due });
    await as("POST", `/loans/${lent.body.id}/return`, { condition: "good" });
    const run = await sendLoanReminders(() => zonedInstant(due, "12:00", ZONE))();
    expect(run.failed).toBe(0);
    await outboxDrained(owner.studio.id);
    expect(await readMail(email, { subject: "Tuner", count: 0 })).toHaveLength(1);
  });
});

describe("billing", () => {
  it("the next billing run bills the deposit and the fee once; the deposit credited back on return", async () => {
    const family = await as("POST", "/families", { name: "Billing Family" });
    const accountId = family.body.id as string;
    const kid = await addStudent(owner, { firstName: "Dev", familyId: accountId });
    const item = await addItem({ name: "Violin 4/4", depositMinor: 7999, rentalFeeMinor: 1001 });
    const lent = await as("POST", "/loans", { itemId: item.id, studentId: kid.id, lendNow: true });
    expect(lent.status).toBe(201);
    const month = today().slice(0, 7);
    const run = await as("POST", "/billing-runs", { month });
    expect(run.status, JSON.stringify(run.body)).toBe(201);
    const invoices = await billingDb().entities.invoice.query.invoicesByAccount({ studioId: owner.studio.id, accountId }).go();
    const charged = invoices.data.flatMap((i) => i.lines).filter((l) => l.kind === "charge");
    expect(charged.map((l) => [l.description, l.totalMinor]).sort()).toEqual(
      [
        ["Dev: Deposit: Violin 4/4", 7999],
        [expect.stringMatching(/^Dev: Rental fee: Violin 4\/4 until /), 1001],
      ].sort(),
    );

    const rerun = await as("POST", "/billing-runs", { month });
    expect(rerun.body.execution.linesAdded).toBe(0);

    expect((await as("POST", `/loans/${lent.body.id}/return`, { condition: "good", depositKeptMinor: 999 })).status).toBe(200);
    const third = await as("POST", "/billing-runs", { month });
    expect(third.body.execution.linesAdded).toBe(1);
    const after = await billingDb().entities.invoice.query.invoicesByAccount({ studioId: owner.studio.id, accountId }).go();
    const lines = after.data.flatMap((i) => i.lines).filter((l) => l.kind === "charge");
    expect(lines.find((l) => l.totalMinor < 0)).toMatchObject({ totalMinor: -7000, description: "Dev: Deposit returned: Violin 4/4 (part kept for damage)" });
    expect(lines.reduce((sum, l) => sum + l.totalMinor, 0)).toBe(7999 + 1001 - 7000);
    const pending = await billingDb().entities.billingCharge.query.chargesByState({ studioId: owner.studio.id, listing: "pending" }).go();
    expect(pending.data).toHaveLength(0);
  });
});
