import { randomUUID } from "node:crypto";
import { billingDb } from "@studiosync/core/billing";
import { batchPut } from "./batch-put";
import type { Fixtures, Owner, Session } from "./fixtures";
import { defineScenario, type AnyScenario } from "./scenario";

/**
 * Invoice lists in a studio of 1,000 billing accounts with a year of monthly invoices each
 * (12,000 invoices, written straight into the table, untimed): one account's invoices, and the
 * studio's overdue list (the 1,000 invoices of last month are open and past due; the first page
 * of 25). Each must be the membership read plus one query, whatever the size of the studio.
 */
type SignedIn = Owner & Session;

const ACCOUNTS = 1_000;
const MONTHS = 12;
const DAY_MS = 86_400_000;

interface SeededBilling {
  owner: SignedIn;
  accountId: string;
}

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function invoicesOf(studioId: string) {
  const now = new Date().toISOString();
  const accounts = Array.from({ length: ACCOUNTS }, (_, i) => ({
    studioId,
    accountId: randomUUID(),
    kind: "family" as const,
    name: `Family ${i + 1}`,
    balanceMinor: 9_000,
    creditMinor: 0,
    revision: 1,
    createdAt: now,
    updatedAt: now,
  }));
  let sequence = 0;
  const invoices = accounts.flatMap((account) =>
    Array.from({ length: MONTHS }, (_, m) => {
      // Month m ago: issued on its first day, due 14 days later; only last month's is still open.
      const issued = Date.now() - (m + 1) * 30 * DAY_MS;
      const open = m === 0;
      sequence += 1;
      return {
        studioId,
        invoiceId: randomUUID(),
        accountId: account.accountId,
        number: `INV-${String(sequence).padStart(6, "0")}`,
        sequence,
        status: open ? ("overdue" as const) : ("paid" as const),
        listState: open ? ("open" as const) : ("closed" as const),
        currency: "USD",
        issueDate: isoDate(issued),
        dueDate: isoDate(issued + 14 * DAY_MS),
        lines: [
          { lineId: randomUUID(), kind: "lesson" as const, description: "Piano lesson (4 × 45 min)", quantity: 4, unitPriceMinor: 2_250, totalMinor: 9_000 },
        ],
        subtotalMinor: 9_000,
        discountMinor: 0,
        taxRateMillipercent: 0,
        taxName: "Tax",
        taxMinor: 0,
        totalMinor: 9_000,
        amountPaidMinor: open ? 0 : 9_000,
        creditedMinor: 0,
        lateFeeMinor: 0,
        balanceDueMinor: open ? 9_000 : 0,
        history: [],
        createdBy: "bench",
        createdAt: now,
        updatedAt: now,
      };
    }),
  );
  return { accounts, invoices };
}

let seeded: Promise<SeededBilling> | undefined;

/** One studio shared by both scenarios. */
function studioOf(fixtures: Fixtures): Promise<SeededBilling> {
  seeded ??= (async () => {
    const owner = await fixtures.signedInOwner();
    const started = performance.now();
    const { billingAccount, invoice } = billingDb().entities;
    const { accounts, invoices } = invoicesOf(owner.studioId);
    const go = { concurrent: 16 };
    await batchPut(
      (items) => billingAccount.put(items).go(go),
      accounts,
      (k) => k.accountId,
    );
    await batchPut(
      (items) => invoice.put(items).go(go),
      invoices,
      (k) => k.invoiceId,
    );
    console.log(
      `\n    seeded ${ACCOUNTS.toLocaleString("en")} accounts and ${invoices.length.toLocaleString("en")} invoices in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    return { owner, accountId: accounts[ACCOUNTS / 2]!.accountId };
  })();
  return seeded;
}

function listScenario(what: string, query: (s: SeededBilling) => string, expected: number) {
  const request = (s: SeededBilling) => ({ path: `/v1/studios/${s.owner.studioId}/invoices?${query(s)}`, token: s.owner.accessToken });
  return defineScenario<SeededBilling>({
    name: `GET /v1/studios/{studioId}/invoices (${what}, ${(ACCOUNTS * MONTHS).toLocaleString("en")} invoices)`,
    expectStatus: 200,
    setup: async (fixtures) => {
      const studio = await studioOf(fixtures);
      const page = await fixtures.expectJson<{ items: unknown[] }>(request(studio), 200);
      if (page.items.length !== expected) throw new Error(`${what}: expected ${expected} invoices on the page, got ${page.items.length}`);
      return studio;
    },
    request,
  });
}

export const billingListScenarios: AnyScenario[] = [
  listScenario("an account's invoices", (s) => `accountId=${s.accountId}&limit=25`, MONTHS),
  listScenario("the studio's overdue list", () => "status=overdue&limit=25", 25),
];
