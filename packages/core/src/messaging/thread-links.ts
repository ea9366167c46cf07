import { config } from "../kernel/config";
import { partyKind } from "./parties";

/** Where a participant reads a thread: staff (the studio, teachers) in the workspace, families and students in the portal. */
export function threadUrl(studioId: string, threadId: string, party: string): string {
  const area = ["studio", "teacher"].includes(partyKind(party)) ? "dashboard" : "portal";
  return `${config().webUrl}/${area}/studios/${encodeURIComponent(studioId)}/messages/${encodeURIComponent(threadId)}`;
}
