import { randomUUID } from "node:crypto";
import { billingDb } from "@studiosync/core/billing";
import { expect } from "vitest";
import { api, ownerWithStudio, uniqueEmail } from "./api";
import { addStudent, addTeacher } from "./people";

export type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;

/** A billing party: `{kind, partyId}` (its account is opened on first use), or an existing account's id. */
export type AccountRef = string | { kind: "family" | "band" | "student"; partyId: string };

export interface InvoiceLineBody {
  description: string;
  quantity: number;
  unitPriceMinor: number;
  lessonId?: string;
  studentId?: string;
  lineId?: string;
}

/** One 60.00 lesson line. */
export const LESSON_LINE: InvoiceLineBody = { description: "Piano lesson (60 min)", quantity: 1, unitPriceMinor: 6000 };

/**
 * A studio to bill: its owner (signed in), a teacher at 60.00 an hour (`hourlyRateMinor` 6000),
 * a family with a guardian whose email receives the family's invoices, and two students of the
 * teacher in that family. `family` is the family's billing party (`draftInvoice(owner, w.family)`).
 */
export async function billingWorld(options: { timeZone?: string; currency?: string } = {}) {
  const owner = await ownerWithStudio({ timeZone: options.timeZone ?? "America/New_York", currency: options.currency ?? "USD" });
  const teacher = await addTeacher(owner, { hourlyRateMinor: 6000 });
  const familyName = `Rivera ${randomUUID().slice(0, 6)}`;
  const family = await api("POST", `/v1/studios/${owner.studio.id}/families`, { token: owner.accessToken, body: { name: familyName } });
  expect(family.status, JSON.stringify(family.body)).toBe(201);
  const guardianEmail = uniqueEmail("guardian").toLowerCase();
  const guardian = await api("POST", `/v1/studios/${owner.studio.id}/families/${family.body.id}/guardians`, {
    token: owner.accessToken,
    body: { firstName: "Maria", lastName: "Rivera", relationship: "mother", email: guardianEmail },
  });
  expect(guardian.status, JSON.stringify(guardian.body)).toBe(201);
  const familyId = family.body.id as string;
  const students = [
    await addStudent(owner, { firstName: "Ana", primaryTeacherId: teacher.id, familyId }),
    await addStudent(owner, { firstName: "Leo", primaryTeacherId: teacher.id, familyId }),
  ];
  await openAccount(owner.studio.id, { kind: "family", partyId: familyId }, familyName);
  return {
    owner,
    studioId: owner.studio.id,
    teacher,
    familyId,
    familyName,
    guardianId: guardian.body.id as string,
    guardianEmail,
    students,
    /** The family's billing account (already open). */
    family: familyId,
  };
}
export type BillingWorld = Awaited<ReturnType<typeof billingWorld>>;

/**
 * Opens a billing account straight in the table (test-only; `POST /invoices` with `account` and
 * `POST /billing-accounts` open them for real). Nothing happens when it exists.
 */
export async function openAccount(studioId: string, party: { kind: "family" | "band" | "student"; partyId: string }, name: string) {
  await billingDb()
    .entities.billingAccount.put({
      studioId,
      accountId: party.partyId,
      kind: party.kind,
      name,
      balanceMinor: 0,
      creditMinor: 0,
      revision: 0,
      createdBy: "test",
    })
    .where((a, op) => op.notExists(a.accountId))
    .go()
    .catch((error: { cause?: { name?: string } }) => {
      if (error.cause?.name !== "ConditionalCheckFailedException") throw error;
    });
}

const accountBody = (account: AccountRef) => (typeof account === "string" ? { accountId: account } : { account });

/** POST /invoices as the owner (raw response). */
export const postInvoice = (owner: Owner, body: Record<string, unknown>, token = owner.accessToken) =>
  api("POST", `/v1/studios/${owner.studio.id}/invoices`, { token, body });

/** A draft invoice for the account (the owner drafts it); 60.00 one lesson by default. */
export async function draftInvoice(owner: Owner, account: AccountRef, lines: InvoiceLineBody[] = [LESSON_LINE], extra: Record<string, unknown> = {}) {
  const res = await postInvoice(owner, { ...accountBody(account), lines, ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as Record<string, any> & { id: string; accountId: string; totalMinor: number };
}

/** POST /invoices/{id}/send as `token` (the owner by default; raw response). */
export const sendInvoice = (owner: Owner, invoiceId: string, options: { token?: string; idempotencyKey?: string } = {}) =>
  api("POST", `/v1/studios/${owner.studio.id}/invoices/${invoiceId}/send`, {
    token: options.token ?? owner.accessToken,
    ...(options.idempotencyKey ? { headers: { "Idempotency-Key": options.idempotencyKey } } : {}),
  });

/** A draft, then sent: the issued invoice (number, dates, status) and who was emailed. */
export async function sentInvoice(owner: Owner, account: AccountRef, lines: InvoiceLineBody[] = [LESSON_LINE], extra: Record<string, unknown> = {}) {
  const draft = await draftInvoice(owner, account, lines, extra);
  const res = await sendInvoice(owner, draft.id);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as Record<string, any> & {
    id: string;
    accountId: string;
    number: string;
    issueDate: string;
    dueDate: string;
    totalMinor: number;
    balanceDueMinor: number;
    emailedTo: string[];
  };
}

/** GET /invoices/{id} as `token` (the owner by default; raw response). */
export const getInvoice = (owner: Owner, invoiceId: string, token = owner.accessToken) =>
  api("GET", `/v1/studios/${owner.studio.id}/invoices/${invoiceId}`, { token });

/** The stored billing account (test-only read). */
export async function accountRecord(studioId: string, accountId: string) {
  return (await billingDb().entities.billingAccount.get({ studioId, accountId }).go({ consistent: true })).data;
}

/** An account's ledger, oldest first (test-only read). */
export async function ledgerOf(studioId: string, accountId: string) {
  const { data } = await billingDb().entities.ledgerEntry.query.ledgerEntry({ studioId, accountId }).go({ pages: "all", consistent: true });
  return data;
}

/** An account's invoices as stored (test-only read). */
export async function invoiceRecords(studioId: string, accountId: string) {
  const { data } = await billingDb().entities.invoice.query.invoicesByAccount({ studioId, accountId }).go({ pages: "all" });
  return data;
}

/**
 * The ledger invariants, read from the table: Σ ledger amounts = balance; balance = Σ open
 * invoices' balance due − unallocated credit; credit ≥ 0; each entry's balanceAfter is the
 * running sum. Returns the account.
 */
export async function expectLedgerInvariants(studioId: string, accountId: string) {
  const account = await accountRecord(studioId, accountId);
  expect(account, "billing account").toBeTruthy();
  const ledger = await ledgerOf(studioId, accountId);
  let running = 0;
  for (const entry of ledger) {
    running += entry.amountMinor;
    expect(entry.balanceAfterMinor, `${entry.type} ${entry.description}`).toBe(running);
  }
  expect(running).toBe(account!.balanceMinor);
  // The invoices index is eventually consistent: wait briefly for it to catch up with the last write.
  let open = 0;
  for (let attempt = 0; attempt < 20; attempt++) {
    const invoices = await invoiceRecords(studioId, accountId);
    open = invoices.filter((i) => i.listState === "open").reduce((sum, i) => sum + i.balanceDueMinor, 0);
    if (open - account!.creditMinor === account!.balanceMinor) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(open - account!.creditMinor).toBe(account!.balanceMinor);
  expect(account!.creditMinor).toBeGreaterThanOrEqual(0);
  if (ledger.length) expect(ledger.at(-1)!.creditAfterMinor).toBe(account!.creditMinor);
  return account!;
}
