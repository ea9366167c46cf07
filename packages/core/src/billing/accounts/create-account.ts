import { recordAudit } from "../../audit/record-audit";
import { itemOf } from "../../db/read-together";
import { assertCommitted, firstRejected } from "../../db/transactions";
import { invalidField } from "../../errors";
import { loadMemberWith, requireStudioAdmin, type Actor } from "../../policy";
import { billingDb } from "../billing-db";
import { toAccount, type BillingAccount } from "./account-view";
import type { BillingAccountRecord } from "./post-to-ledger";
import type { CreateAccountInput } from "./schemas";

/** The party's record read for its name, by kind (the account's id is the party's id). */
function partyRead(studioId: string, input: CreateAccountInput) {
  const { family, band, student } = billingDb().entities;
  if (input.kind === "family") return itemOf(family, { studioId, familyId: input.partyId });
  if (input.kind === "band") return itemOf(band, { studioId, bandId: input.partyId });
  return itemOf(student, { studioId, studentId: input.partyId });
}

function nameOf(party: unknown): string | null {
  const p = party as { deletedAt?: string; name?: string; firstName?: string; lastName?: string } | null;
  if (!p || p.deletedAt) return null;
  return p.name ?? `${p.firstName} ${p.lastName}`;
}

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
  requireStudioAdmin(member);
  const [existing, party] = records;
  if (existing) {
    if (existing.kind !== input.kind) throw invalidField("kind", `must be ${existing.kind}: the account of this party is a ${existing.kind} account`);
    return { account: toAccount(existing, studio.currency), created: false };
  }
  const name = nameOf(party);
  if (!name) throw invalidField("partyId", `is not a ${input.kind} of this studio`);

  const now = new Date().toISOString();
  const record: BillingAccountRecord = {
    ...key,
    kind: input.kind,
    name,
    balanceMinor: 0,
    creditMinor: 0,
    revision: 0,
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  };
  const outcome = await billingDb()
    .transaction.write((tx) => [
      tx.billingAccount.create(record).commit(),
      recordAudit(tx, { studioId, actorId: actor.userId, action: "billingAccount.created", entityType: "billingAccount", entityId: record.accountId, after: record }),
    ])
    .go();
  if (firstRejected(outcome) === 0) {
    const { data } = await billingAccount.get(key).go({ consistent: true });
    if (data) return { account: toAccount(data, studio.currency), created: false };
  }
  assertCommitted(outcome, () => undefined);
  return { account: toAccount(record, studio.currency), created: true };
}
