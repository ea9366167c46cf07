import { config } from "../kernel/config";
import type { RenderedEmail } from "../email";
import type { OutboxEmail } from "../outbox";
import { studioOwners } from "../policy";

/** The studio's billing page in the workspace: its invoices, its card, its cap. */
export const billingPageUrl = (studioId: string, month?: string) =>
  `${config().webUrl}/dashboard/studios/${encodeURIComponent(studioId)}/settings/usage${month ? `/invoices/${month}` : ""}`;

/** "November 2026" for "2026-11". */
export const monthName = (month: string) => new Date(`${month}-15T12:00:00Z`).toLocaleString("en-US", { month: "long", year: "numeric", timeZone: "UTC" });

/** One email per owner of the studio, each keyed `<flow>#<owner>` so a rerun mails nobody twice. */
export async function ownersEmails(studioId: string, flow: string, render: (greetingName: string) => RenderedEmail): Promise<OutboxEmail[]> {
  const owners = await studioOwners(studioId);
  return owners.map((owner) => ({ scope: studioId, messageId: `${flow}#${owner.userId}`, to: owner.email, email: render(owner.name) }));
}
