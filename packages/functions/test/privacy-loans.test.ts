import { randomUUID } from "node:crypto";
import { lendingDb } from "@studiosync/core/lending";
import { beforeAll, describe, expect, it } from "vitest";
import { api, ownerWithStudio } from "./support/api";
import { auditOf, familyWithGuardian } from "./support/households";
import { addStudent, memberWithRole } from "./support/people";
import { exportAs } from "./support/privacy";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;
/** Each test builds a household with three loans, exports and erases. */
const SLOW = 120_000;
let owner: Owner;
const as = (method: string, rest: string, body?: unknown, token = owner.accessToken) =>
  api(method, `/v1/studios/${owner.studio.id}${rest}`, { token, ...(body === undefined ? {} : { body }) });
const student = (id: string) => ({ subject: { type: "student", id } });
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  owner = await ownerWithStudio({ timeZone: "UTC" });
});

async function addItem(name: string, body: Record<string, unknown> = {}) {
  const res = await as("POST", "/items", { name, category: "instrument", isBorrowable: true, ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

/**
 * A child in a family with three loans: a cello lent and returned (deposit, fee, part of the
 * deposit kept, staff's return notes naming the child), a violin out now, and a flute request
 * waiting; the requests carry the household's notes naming the child.
 */
async function borrower() {
  const tag = randomUUID().slice(0, 6);
  // The items' names are not the child's: they stay after the erasure.
  const itemTag = randomUUID().slice(0, 6);
  const { familyId, guardianId } = await familyWithGuardian(owner, `Lender${tag} Family`);
  const child = await addStudent(owner, { firstName: "Noor", lastName: `Loan${tag}`, email: `noor.${tag}@example.test`, familyId });
  const fullName = `Noor Loan${tag}`;
  const parent = await memberWithRole(owner, "parent", { guardianId, familyId });
  const [cello, violin, flute] = await Promise.all([
    addItem(`Cello ${itemTag}`, { depositMinor: 5000, rentalFeeMinor: 1500 }),
    addItem(`Violin ${itemTag}`),
    addItem(`Flute ${itemTag}`),
  ]);
  const lend = async (itemId: string, note: string) => {
    const res = await as("POST", "/loans", { itemId, studentId: child.id, note, lendNow: true, dueDate: inDays(14) });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };
  const returned = await lend(cello, `Cello for ${fullName}'s recital`);
  const back = await as("POST", `/loans/${returned}/return`, { condition: "fair", notes: `${fullName} brought it back scratched`, depositKeptMinor: 1000 });
  expect(back.status, JSON.stringify(back.body)).toBe(200);
  const out = await lend(violin, `Violin while ${fullName}'s is repaired`);
  const asked = await as("POST", "/loans", { itemId: flute, studentId: child.id, note: `${fullName} would like to try the flute` }, parent.accessToken);
  expect(asked.status, JSON.stringify(asked.body)).toBe(201);
  return {
    tag,
    itemTag,
    fullName,
    familyId,
    guardianId,
    child,
    parent,
    items: { cello, violin, flute },
    loans: { returned, out, requested: asked.body.id as string },
  };
}

const loanRecord = async (loanId: string) => (await lendingDb().entities.loan.get({ studioId: owner.studio.id, loanId }).go()).data!;

describe("loans in a privacy export", () => {
  it(
    "a student's export and their parent's list the loans and requests: item, dates, due, returned, condition, notes, deposit and fee",
    async () => {
      const b = await borrower();
      const { doc } = await exportAs(owner.studio.id, b.parent.accessToken, b.parent.email, student(b.child.id));
      const byId = Object.fromEntries((doc.loans as { id: string }[]).map((loan) => [loan.id, loan]));
      expect(Object.keys(byId).sort()).toEqual(Object.values(b.loans).sort());
      expect(byId[b.loans.returned]).toMatchObject({
        itemName: `Cello ${b.itemTag}`,
        status: "returned",
        dueDate: inDays(14),
        lentOn: expect.any(String),
        returnedOn: expect.any(String),
        returnCondition: "fair",
        returnNotes: `${b.fullName} brought it back scratched`,
        requestNote: `Cello for ${b.fullName}'s recital`,
        depositMinor: 5000,
        rentalFeeMinor: 1500,
        depositKeptMinor: 1000,
      });
      expect(byId[b.loans.out]).toMatchObject({ itemName: `Violin ${b.itemTag}`, status: "out", returnedOn: null });
      expect(byId[b.loans.requested]).toMatchObject({
        itemName: `Flute ${b.itemTag}`,
        status: "requested",
        requestNote: `${b.fullName} would like to try the flute`,
      });

      // The guardian's own export holds their family's loans; a teacher's has no loans section.
      const mine = await exportAs(owner.studio.id, b.parent.accessToken, b.parent.email, {
        subject: { type: "guardian", id: b.guardianId, familyId: b.familyId },
      });
      expect((mine.doc.loans as { id: string }[]).map((loan) => loan.id).sort()).toEqual(Object.values(b.loans).sort());
    },
    SLOW,
  );
});

describe("loans on erasure", () => {
  it(
    "keeps the loans' items, dates and money; removes the request notes, scrubs the staff's notes, cancels a waiting request; the loan out can still be returned",
    async () => {
      const b = await borrower();
      const violinBefore = (await as("GET", `/items/${b.items.violin}`)).body;
      expect(violinBefore.availableQuantity).toBe(0);
      const returnedBefore = await loanRecord(b.loans.returned);

      const res = await as("POST", "/privacy/erasures", student(b.child.id));
      expect(res.status, JSON.stringify(res.body)).toBe(200);

      const [returned, out, requested] = await Promise.all([loanRecord(b.loans.returned), loanRecord(b.loans.out), loanRecord(b.loans.requested)]);
      for (const loan of [returned, out, requested]) expect(loan.requestNote).toBeUndefined();
      expect(returned).toMatchObject({
        status: "returned",
        itemName: `Cello ${b.itemTag}`,
        dueDate: returnedBefore.dueDate,
        lentOn: returnedBefore.lentOn,
        returnedOn: returnedBefore.returnedOn,
        returnCondition: "fair",
        returnNotes: "Erased Person brought it back scratched",
        depositMinor: 5000,
        rentalFeeMinor: 1500,
        depositKeptMinor: 1000,
        depositChargeId: returnedBefore.depositChargeId,
        feeChargeId: returnedBefore.feeChargeId,
        depositRefundChargeId: returnedBefore.depositRefundChargeId,
      });
      // The money stays: the deposit, the fee and the credit of the deposit given back.
      const { billingCharge } = lendingDb().entities;
      const charges = await Promise.all(
        [returned.depositChargeId!, returned.feeChargeId!, returned.depositRefundChargeId!].map(
          async (chargeId) => (await billingCharge.get({ studioId: owner.studio.id, chargeId }).go()).data,
        ),
      );
      expect(charges.map((c) => c?.amountMinor)).toEqual([5000, 1500, -4000]);
      // The request waiting is withdrawn: out of the studio's queue; the loan out stays out, the violin with the family.
      expect(requested).toMatchObject({ status: "cancelled", closedAt: expect.any(String) });
      expect(requested.openState).toBeUndefined();
      const queue = await as("GET", "/loans?state=requested&limit=100");
      expect(queue.body.items.map((l: { id: string }) => l.id)).not.toContain(b.loans.requested);
      expect(out).toMatchObject({ status: "out", openState: "out" });
      expect((await as("GET", `/items/${b.items.violin}`)).body.availableQuantity).toBe(0);
      expect((await as("GET", `/items/${b.items.flute}`)).body.availableQuantity).toBe(1);

      // Nothing names the child any more: the loans, the staff's loan list, the loans' audit events.
      const listed = await as("GET", `/loans?studentId=${b.child.id}&limit=100`);
      expect(listed.status).toBe(200);
      expect(listed.body.items).toHaveLength(3);
      const audits = await Promise.all(Object.values(b.loans).map((loanId) => auditOf(owner, "loan", loanId)));
      expect(audits.flat().length).toBeGreaterThan(3);
      expect(JSON.stringify([returned, out, requested, listed.body, audits])).not.toContain(b.tag);

      // The violin comes back after the erasure as any loan does.
      const back = await as("POST", `/loans/${b.loans.out}/return`, { condition: "good" });
      expect(back.status, JSON.stringify(back.body)).toBe(200);
      expect((await as("GET", `/items/${b.items.violin}`)).body.availableQuantity).toBe(1);

      // Erasing again changes nothing more.
      const again = await as("POST", "/privacy/erasures", student(b.child.id));
      expect(again.status, JSON.stringify(again.body)).toBe(200);
      expect(await loanRecord(b.loans.returned)).toEqual(returned);
    },
    SLOW,
  );

  it(
    "a guardian's erasure scrubs their name from their family's loans and leaves the child's requests standing",
    async () => {
      const b = await borrower();
      // familyWithGuardian names the guardian after the family.
      const mariaName = `Maria Lender${b.tag}`;
      const asked = await as("POST", "/loans", { itemId: b.items.cello, studentId: b.child.id, note: `${mariaName} will collect it` }, b.parent.accessToken);
      expect(asked.status, JSON.stringify(asked.body)).toBe(201);

      const res = await as("POST", "/privacy/erasures", { subject: { type: "guardian", id: b.guardianId, familyId: b.familyId } });
      expect(res.status, JSON.stringify(res.body)).toBe(200);

      expect(await loanRecord(asked.body.id)).toMatchObject({ status: "requested", openState: "requested", requestNote: "Erased Person will collect it" });
      expect(await loanRecord(b.loans.requested)).toMatchObject({ status: "requested", requestNote: `${b.fullName} would like to try the flute` });
    },
    SLOW,
  );
});
