import { recordAudit } from "../../audit";
import { itemOf } from "../../kernel/db/read-together";
import { billingDb, type BillingTx } from "../billing-db";
import type { AccountKind } from "./billing-account.entity";
import type { BillingAccountRecord } from "./post-to-ledger";

export interface BillingParty {
  kind: AccountKind;
  /** familyId, bandId or studentId: also the account's id. */
  partyId: string;
}

/** The party's record, read for its name (batch it with the account and the membership). */
export function partyRead(studioId: string, party: BillingParty) {
  const { family, band, student } = billingDb().entities;
  if (party.kind === "family") return itemOf(family, { studioId, familyId: party.partyId });
  if (party.kind === "band") return itemOf(band, { studioId, bandId: party.partyId });
  return itemOf(student, { studioId, studentId: party.partyId });
}

/** The party's display name, or null when it does not exist (or was deleted) in the studio. */
export function partyNameOf(party: unknown): string | null {
  const p = party as { deletedAt?: string; name?: string; firstName?: string; lastName?: string } | null;
  if (!p || p.deletedAt) return null;
  return p.name ?? `${p.firstName} ${p.lastName}`;
}

/** A new account for a party (balance 0), not yet written: see openAccountWrites. */
export function newAccountRecord(studioId: string, party: BillingParty, name: string, actorId: string, now: Date): BillingAccountRecord {
  const stamp = now.toISOString();
  return {
    studioId,
    accountId: party.partyId,
    kind: party.kind,
    name,
    balanceMinor: 0,
    creditMinor: 0,
    revision: 0,
    createdBy: actorId,
    createdAt: stamp,
    updatedAt: stamp,
  };
}

/**
 * The transaction items opening an account: its create (on condition that the party has no account
 * yet, so of two racing opens exactly one commits) and its audit event. Put them in the same
 * transaction as whatever the account is opened for, so a refused change leaves no account behind.
 */
export const openAccountWrites = (tx: BillingTx, account: BillingAccountRecord, actorId: string) => [
  tx.billingAccount.create(account).commit(),
  recordAudit(tx, {
    studioId: account.studioId,
    actorId,
    action: "billingAccount.created",
    entityType: "billingAccount",
    entityId: account.accountId,
    after: account,
  }),
];
