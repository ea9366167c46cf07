import { config } from "../../kernel/config";
import { partyKind } from "../parties";

/** Where a recipient reads an announcement: teachers in the workspace, families and students in the portal. */
export function announcementUrl(studioId: string, announcementId: string, party: string): string {
  const area = ["studio", "teacher"].includes(partyKind(party)) ? "dashboard" : "portal";
  return `${config().webUrl}/${area}/studios/${encodeURIComponent(studioId)}/announcements/${encodeURIComponent(announcementId)}`;
}

/** The studio's announcements in the workspace (a test-send's link: the announcement is not sent yet). */
export const announcementsUrl = (studioId: string) => `${config().webUrl}/dashboard/studios/${encodeURIComponent(studioId)}/announcements`;
