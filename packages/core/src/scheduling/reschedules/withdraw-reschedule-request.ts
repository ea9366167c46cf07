import { recordAudit } from "../../audit";
import { commitWrites, failsWith } from "../../kernel/db/commit-writes";
import { assertMay, type Actor } from "../../policy";
import { scheduleDb } from "../schedule-db";
import { loadRequestFor, requirePending, reviewedMeanwhile } from "./request-access";
import { toRescheduleRequest, type RescheduleRequestRecord } from "./request-view";

/** The person who asked takes a pending request back (others who see it: 403). */
export async function withdrawRescheduleRequest(actor: Actor, studioId: string, requestId: string) {
  const { member, studio, request } = await loadRequestFor(actor, studioId, requestId);
  assertMay(member, "reschedule.withdraw", request);
  requirePending(request);
  const at = new Date().toISOString();
  const after: RescheduleRequestRecord = { ...request, status: "withdrawn", updatedAt: at };
  await commitWrites(scheduleDb, (tx) => [
    failsWith(
      tx.rescheduleRequest
        .put(after)
        .where((a, op) => op.eq(a.status, "pending"))
        .commit(),
      reviewedMeanwhile,
    ),
    recordAudit(tx, {
      studioId,
      actorId: actor.userId,
      action: "reschedule_request.withdrawn",
      entityType: "reschedule_request",
      entityId: requestId,
      before: request,
      after,
    }),
  ]);
  return toRescheduleRequest(after, studio.timeZone);
}
