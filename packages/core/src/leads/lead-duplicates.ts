import { leadsDb } from "./leads-db";
import type { LeadRecord } from "./lead.entity";

const LIMIT = 20;

/**
 * A lead's likely duplicates: other listed leads with the same contact email or the same phone
 * digits. One query of the email index and one of the phone index (run together).
 */
export async function duplicatesOf(lead: LeadRecord): Promise<LeadRecord[]> {
  const { lead: leads } = leadsDb().entities;
  const { studioId } = lead;
  const email = lead.emailKey !== "~" ? lead.emailKey : undefined;
  const phone = lead.phoneKey !== "~" ? lead.phoneKey : undefined;
  const [byEmail, byPhone] = await Promise.all([
    email ? leads.query.leadsByEmail({ studioId, listing: "listed" }).begins({ emailKey: email }).go({ limit: LIMIT, pages: 1 }) : { data: [] as LeadRecord[] },
    phone ? leads.query.leadsByPhone({ studioId, listing: "listed" }).begins({ phoneKey: phone }).go({ limit: LIMIT, pages: 1 }) : { data: [] as LeadRecord[] },
  ]);
  const found = new Map<string, LeadRecord>();
  for (const other of [...byEmail.data.filter((r) => r.emailKey === email), ...byPhone.data.filter((r) => r.phoneKey === phone)]) {
    if (other.leadId !== lead.leadId && !other.mergedInto) found.set(other.leadId, other);
  }
  return [...found.values()];
}
