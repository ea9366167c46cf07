import { recordAudit } from "../../audit/record-audit";
import { assertCommitted } from "../../kernel/db/transactions";
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
  const outcome = await scheduleDb()
    .transaction.write((tx) => [
      tx.rescheduleRequest
        .put(after)
        .where((a, op) => op.eq(a.status, "pending"))
        .commit(),
      recordAudit(tx, {
        studioId,
        actorId: actor.userId,
        action: "reschedule_request.withdrawn",
        entityType: "reschedule_request",
        entityId: requestId,
        before: request,
        after,
      }),
    ])
    .go();
  assertCommitted(outcome, (index) => (index === 0 ? reviewedMeanwhile() : undefined));
  return toRescheduleRequest(after, studio.timeZone);
}
