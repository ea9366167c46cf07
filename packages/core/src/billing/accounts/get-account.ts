import { itemOf } from "../../kernel/db/read-together";
import { page, type Page } from "../../kernel/pagination/pagination";
import { hiddenRecord, loadMemberWith, type Actor } from "../../policy";
import { requireAccountAccess, resolveAccountAccess } from "../access";
import { billingDb } from "../billing-db";
import { toAccount, toLedgerEntry, type BillingAccount, type LedgerEntry } from "./account-view";
import type { LedgerQuery } from "./schemas";

/** The member, the studio and the account in one read; a missing account → 404. */
async function loadAccount(actor: Actor, studioId: string, accountId: string) {
  const { member, studio, records } = await loadMemberWith(actor, studioId, itemOf(billingDb().entities.billingAccount, { studioId, accountId }));
  const [account] = records;
  if (!account) throw hiddenRecord("Billing account");
  return { member, studio, account };
}

/**
 * One billing account: admins, and the account's own parent or student, in full; the teacher of
 * one of its students as a summary (`access: "summary"`); anyone else 404 (billing/access.ts).
 */
export async function getBillingAccount(actor: Actor, studioId: string, accountId: string): Promise<BillingAccount> {
  const { member, studio, account } = await loadAccount(actor, studioId, accountId);
  const access = await resolveAccountAccess(member, studioId, account);
  requireAccountAccess(access, "summary");
  return toAccount(account, studio.currency, access === "summary" ? "summary" : "full");
}

/**
 * An account's ledger, oldest first, one page at a time (one query: entry ids are UUIDv7, so the
 * key order is the order they were written). Each entry carries the balance after it; the
 * entries sum exactly to the account's balance. Admins and the account's own parent or student;
 * a teacher who sees the account in summary is refused (403).
 */
export async function accountLedger(actor: Actor, studioId: string, accountId: string, query: LedgerQuery): Promise<Page<LedgerEntry> & { currency: string }> {
  const { member, studio, account } = await loadAccount(actor, studioId, accountId);
  requireAccountAccess(await resolveAccountAccess(member, studioId, account), "full");
  const result = await page(
    { studioId, list: "ledger", params: { accountId } },
    (options) =>
      billingDb()
        .entities.ledgerEntry.query.ledgerEntry({ studioId, accountId })
        .go({ ...options, pages: 1 }),
    query,
  );
  return { items: result.items.map(toLedgerEntry), nextCursor: result.nextCursor, currency: studio.currency };
}
