import type { Actor } from "../../policy";
import { loadRequestFor } from "./request-access";
import { toRescheduleRequest } from "./request-view";

/** One request: admins, the lesson's teacher, the student it is for and their parents (others 404). One DynamoDB call. */
export async function getRescheduleRequest(actor: Actor, studioId: string, requestId: string) {
  const { studio, request } = await loadRequestFor(actor, studioId, requestId);
  return toRescheduleRequest(request, studio.timeZone);
}
