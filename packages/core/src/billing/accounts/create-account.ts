import { itemOf } from "../../kernel/db/read-together";
import { commitWritesOr, rejectedAs } from "../../kernel/db/commit-writes";
import { invalidField } from "../../kernel/errors";
import { assertMay, loadMemberWith, type Actor } from "../../policy";
import { billingDb } from "../billing-db";
import { toAccount, type BillingAccount } from "./account-view";
import { newAccountRecord, openAccountWrites, partyNameOf, partyRead } from "./open-account";
import type { CreateAccountInput } from "./schemas";

/**
 * Opens a billing account for a family, band or student (admins), balance 0. Idempotent: the
 * party's existing account is returned (`created: false`) instead of a second one, also when two
 * requests race (the create is conditional on the key). The account, the party and the member
 * are read in one BatchGet. Audited.
 */
export async function createBillingAccount(actor: Actor, studioId: string, input: CreateAccountInput): Promise<{ account: BillingAccount; created: boolean }> {
  const { billingAccount } = billingDb().entities;
  const key = { studioId, accountId: input.partyId };
  const { member, studio, records } = await loadMemberWith(actor, studioId, itemOf(billingAccount, key), partyRead(studioId, input));
  assertMay(member, "billing-account.manage");
  const [existing, party] = records;
  if (existing) {
    if (existing.kind !== input.kind) throw invalidField("kind", `must be ${existing.kind}: the account of this party is a ${existing.kind} account`);
    return { account: toAccount(existing, studio.currency), created: false };
  }
  const name = partyNameOf(party);
  if (!name) throw invalidField("partyId", `is not a ${input.kind} of this studio`);

  const record = newAccountRecord(studioId, input, name, actor.userId, new Date());
  const rejected = await commitWritesOr(billingDb, (tx) => {
    const [open, ...audit] = openAccountWrites(tx, record, actor.userId);
    return [rejectedAs(open, "opened_meanwhile"), ...audit];
  });
  if (rejected) {
    const { data } = await billingAccount.get(key).go({ consistent: true });
    if (!data) throw new Error("Transaction cancelled (the party's account was opened meanwhile and is gone again)");
    return { account: toAccount(data, studio.currency), created: false };
  }
  return { account: toAccount(record, studio.currency), created: true };
}
