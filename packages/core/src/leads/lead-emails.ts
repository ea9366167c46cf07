import { adminAddresses } from "../access-requests";
import { newLeadMessage } from "../email";
import { config } from "../kernel/config";
import type { OutboxEmail } from "../outbox";
import type { StudioRecord } from "../studios/module";
import type { LeadRecord } from "./lead.entity";

/** A lead's page in the workspace (what every lead email links to). */
export const leadPageUrl = (studioId: string, leadId: string) =>
  `${config().webUrl}/dashboard/studios/${encodeURIComponent(studioId)}/leads/${encodeURIComponent(leadId)}`;

/** The workspace's leads list. */
export const leadsListUrl = (studioId: string) => `${config().webUrl}/dashboard/studios/${encodeURIComponent(studioId)}/leads`;

const SOURCE_WORDS: Record<LeadRecord["source"], string> = {
  booking: "with a trial booking from the studio's page",
  enquiry: "with an enquiry from the studio's page",
  import: "from an import",
  staff: "from the studio's staff",
  walk_in: "as a walk-in",
};

/** Who hears of a new lead from the public site: the studio's active owners and admins (as access requests notify them). */
export const newLeadRecipients = (studioId: string) => adminAddresses(studioId);

/**
 * "New lead" to each of `recipients` (see newLeadRecipients) for a lead the public booking or
 * enquiry just recorded: the caller enqueues these in its own transaction (outboxEmails). One
 * message id per lead and recipient, so a retried request mails nobody twice.
 */
export function newLeadEmails(
  studio: Pick<StudioRecord, "studioId" | "name">,
  lead: Pick<LeadRecord, "leadId" | "source" | "studentFirstName" | "studentLastName">,
  recipients: { userId: string; email: string }[],
): OutboxEmail[] {
  const email = newLeadMessage({
    studioName: studio.name,
    leadName: `${lead.studentFirstName} ${lead.studentLastName}`,
    sourceWords: SOURCE_WORDS[lead.source],
    url: leadPageUrl(studio.studioId, lead.leadId),
  });
  return recipients.map((recipient) => ({
    scope: studio.studioId,
    messageId: `lead-new#${lead.leadId}#${recipient.userId}`,
    to: recipient.email,
    email,
  }));
}
