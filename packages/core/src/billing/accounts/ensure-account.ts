import { itemOf, readTogether } from "../../db/read-together";
import { notFound } from "../../errors";
import { billingDb } from "../billing-db";
import type { AccountKind } from "./billing-account.entity";
import type { BillingAccountRecord } from "./post-to-ledger";

export interface BillingParty {
  kind: AccountKind;
  /** familyId, bandId or studentId: also the account's id. */
  partyId: string;
}

/** The party's display name, or null when it does not exist (or was deleted) in the studio. */
export async function partyName(studioId: string, party: BillingParty): Promise<string | null> {
  const { family, band, student } = billingDb().entities;
  if (party.kind === "family") {
    const [f] = await readTogether(itemOf(family, { studioId, familyId: party.partyId }));
    return f && !f.deletedAt ? f.name : null;
  }
  if (party.kind === "band") {
    const [b] = await readTogether(itemOf(band, { studioId, bandId: party.partyId }));
    return b && !b.deletedAt ? b.name : null;
  }
  const [s] = await readTogether(itemOf(student, { studioId, studentId: party.partyId }));
  return s && !s.deletedAt ? `${s.firstName} ${s.lastName}` : null;
}

/**
 * The party's billing account, created (balance 0) when it has none yet. Safe under concurrency:
 * the create is conditional on the key, and the loser reads the winner's account.
 * A missing party is a 404 naming it.
 */
export async function ensureBillingAccount(studioId: string, party: BillingParty, actorId?: string): Promise<BillingAccountRecord> {
  const { billingAccount } = billingDb().entities;
  const key = { studioId, accountId: party.partyId };
  const existing = (await billingAccount.get(key).go({ consistent: true })).data;
  if (existing) {
    if (existing.kind !== party.kind) throw notFound(kindName(party.kind));
    return existing;
  }
  const name = await partyName(studioId, party);
  if (!name) throw notFound(kindName(party.kind));
  try {
    const { data } = await billingAccount
      .create({ ...key, kind: party.kind, name, balanceMinor: 0, creditMinor: 0, revision: 0, createdBy: actorId })
      .go();
    return data as BillingAccountRecord;
  } catch (error) {
    if ((error as { cause?: { name?: string } }).cause?.name !== "ConditionalCheckFailedException") throw error;
    return (await billingAccount.get(key).go({ consistent: true })).data!;
  }
}

const kindName = (kind: AccountKind) => (kind === "family" ? "Family" : kind === "band" ? "Band" : "Student");
