import { itemOf, readTogether, type ReadResults } from "../../kernel/db/read-together";
import { billingDb } from "../billing-db";
import type { BillingAccountRecord } from "./post-to-ledger";

export interface BillingContact {
  email: string;
  greetingName: string;
}

/** The account's party — its family, band or student (the account's id is the party's) — to read with a request's other items. */
export function partyReads(studioId: string, accountId: string) {
  const { family, band, student } = billingDb().entities;
  return [
    itemOf(family, { studioId, familyId: accountId }),
    itemOf(band, { studioId, bandId: accountId }),
    itemOf(student, { studioId, studentId: accountId }),
  ] as const;
}

/**
 * Who receives an account's invoices, reminders and receipts, each address once:
 * - family: its billing email when set, else its guardians with an email (primary contact first);
 * - band: the band's email, else its primary-contact student's;
 * - student: the student's email, else their family's contacts.
 * `party`: the items of `partyReads`, when the caller read them with its own.
 */
export async function billingContacts(
  account: Pick<BillingAccountRecord, "studioId" | "accountId" | "kind" | "name">,
  party?: ReadResults<ReturnType<typeof partyReads>>,
): Promise<BillingContact[]> {
  const { studioId, accountId } = account;
  const { family, band, student, guardian } = billingDb().entities;
  const familyContacts = async (familyId: string): Promise<BillingContact[]> => {
    const [record] = party && familyId === accountId ? [party[0]] : await readTogether(itemOf(family, { studioId, familyId }));
    if (!record || record.deletedAt) return [];
    if (record.billingEmail) return [{ email: record.billingEmail, greetingName: record.name }];
    const { data } = await guardian.query
      .guardian({ studioId, familyId })
      .where((a, op) => op.notExists(a.deletedAt))
      .go({ pages: "all" });
    return data
      .filter((g) => g.email)
      .sort((a, b) => Number(b.guardianId === record.primaryContactId) - Number(a.guardianId === record.primaryContactId))
      .map((g) => ({ email: g.email!, greetingName: g.firstName }));
  };
  let contacts: BillingContact[] = [];
  if (account.kind === "family") contacts = await familyContacts(accountId);
  else if (account.kind === "band") {
    const [record] = party ? [party[1]] : await readTogether(itemOf(band, { studioId, bandId: accountId }));
    if (record?.email) contacts = [{ email: record.email, greetingName: record.name }];
    else if (record?.primaryContactId) {
      const [lead] = await readTogether(itemOf(student, { studioId, studentId: record.primaryContactId }));
      if (lead?.email) contacts = [{ email: lead.email, greetingName: lead.firstName }];
    }
  } else {
    const [record] = party ? [party[2]] : await readTogether(itemOf(student, { studioId, studentId: accountId }));
    if (record?.email) contacts = [{ email: record.email, greetingName: record.firstName }];
    else if (record?.familyId) contacts = await familyContacts(record.familyId);
  }
  const seen = new Set<string>();
  return contacts.filter((c) => {
    const key = c.email.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
