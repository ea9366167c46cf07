import { inPool } from "../../kernel/db/read-many";
import { leadsDb } from "../leads-db";
import { phoneKeyOf } from "../lead-intake";

/** Queries at once: the email and phone indexes are read one contact at a time. */
const PARALLEL = 8;
/** Open leads named per contact (enough to point at the duplicates). */
const LIMIT = 20;

export interface Contact {
  email?: string;
  phone?: string;
}

/**
 * The studio's open leads (listed, not converted or merged) with each of these contacts' email or
 * phone digits: one Query of the email (gsi3) or phone (gsi2) index per distinct email and phone,
 * 8 at a time. Returns a lookup of a contact's matching lead ids, oldest first.
 */
export async function openLeadsByContact(studioId: string, contacts: Contact[]): Promise<(contact: Contact) => string[]> {
  const { lead } = leadsDb().entities;
  const emails = [...new Set(contacts.flatMap((c) => (c.email ? [c.email] : [])))];
  const phones = [...new Set(contacts.flatMap((c) => (phoneKeyOf(c.phone) !== "~" ? [phoneKeyOf(c.phone)] : [])))];
  const attributes = ["leadId", "convertedAt", "mergedInto", "deletedAt"] as const;
  const found = new Map<string, string[]>();
  const keep = (key: string, leads: { leadId: string; convertedAt?: string; mergedInto?: string; deletedAt?: string }[]) =>
    found.set(
      key,
      leads.filter((l) => !l.convertedAt && !l.mergedInto && !l.deletedAt).map((l) => l.leadId),
    );
  const lookups = [...emails.map((email) => ({ email })), ...phones.map((phoneKey) => ({ phoneKey }))];
  const key = { studioId, listing: "listed" as const };
  const options = { limit: LIMIT, pages: 1, attributes: [...attributes] };
  await inPool(lookups, PARALLEL, async (lookup) => {
    const { data } =
      "email" in lookup
        ? await lead.query
            .leadsByEmail(key)
            .begins({ emailKey: lookup.email })
            .where((a, op) => op.eq(a.emailKey, lookup.email))
            .go(options)
        : await lead.query
            .leadsByPhone(key)
            .begins({ phoneKey: lookup.phoneKey })
            .where((a, op) => op.eq(a.phoneKey, lookup.phoneKey))
            .go(options);
    keep("email" in lookup ? `email:${lookup.email}` : `phone:${lookup.phoneKey}`, data);
  });
  return (contact) => {
    const ids = [...(contact.email ? (found.get(`email:${contact.email}`) ?? []) : []), ...(found.get(`phone:${phoneKeyOf(contact.phone)}`) ?? [])];
    return [...new Set(ids)].sort();
  };
}
