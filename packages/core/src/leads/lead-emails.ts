import { config } from "../kernel/config";

/** A lead's page in the workspace (what every lead email links to). */
export const leadPageUrl = (studioId: string, leadId: string) =>
  `${config().webUrl}/dashboard/studios/${encodeURIComponent(studioId)}/leads/${encodeURIComponent(leadId)}`;

/** The workspace's leads list. */
export const leadsListUrl = (studioId: string) => `${config().webUrl}/dashboard/studios/${encodeURIComponent(studioId)}/leads`;
