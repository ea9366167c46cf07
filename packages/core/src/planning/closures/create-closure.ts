import { v7 as uuidv7 } from "uuid";
import { recordAudit } from "../../audit";
import { commitWrites } from "../../kernel/db/commit-writes";
import { invalidField } from "../../kernel/errors";
import { assertMay, loadMemberWith, type Actor } from "../../policy";
import { planningDb } from "../planning-db";
import { closuresBetween, schedulingSettingsRead, toClosure, withDefaults, type Closure, type ClosureRecord } from "../../scheduling";
import { localParts } from "../../kernel/time/wall-clock";
import { cancelClosureLessons } from "./cancel-closure-lessons";
import { closeSeriesDates } from "./close-series-dates";
import type { CreateClosureInput } from "./schemas";

/** The same closure asked for again (a retry): resumed rather than added twice. */
async function sameClosure(studioId: string, input: CreateClosureInput): Promise<ClosureRecord | null> {
  const match = (await closuresBetween(studioId, input.startDate, input.endDate)).find(
    (c) => c.startDate === input.startDate && c.endDate === input.endDate && c.reason === input.reason,
  );
  if (!match) return null;
  const { data } = await planningDb().entities.closure.get({ studioId, closureId: match.closureId }).go();
  return data;
}

/**
 * Closes the studio on local dates (admins) and cancels every scheduled lesson still to come in
 * them, by the studio, with the reason "Studio closed: <reason>" and make-up credits as the policy
 * says. The closure is stored first, on its own, so bookings into it are refused from then on; the
 * lessons follow in transactions of at most 100 items. Sending the same closure again resumes it
 * (lessons already cancelled are skipped). Each affected student and family gets one email
 * listing their cancelled lessons, enqueued with the cancellations (outbox). Recurring patterns
 * reaching the dates beyond their materialised lessons have those occurrences taken out of the
 * families' calendars (closeSeriesDates).
 */
export async function createClosure(actor: Actor, studioId: string, input: CreateClosureInput): Promise<Closure> {
  const { member, studio, records } = await loadMemberWith(actor, studioId, schedulingSettingsRead(studioId));
  assertMay(member, "closure.manage");
  const now = new Date();
  if (input.endDate < localParts(now, studio.timeZone).date) throw invalidField("endDate", "must not be in the past");

  let closure = await sameClosure(studioId, input);
  if (!closure) {
    const stamp = now.toISOString();
    const created: ClosureRecord = {
      studioId,
      closureId: uuidv7(),
      startDate: input.startDate,
      endDate: input.endDate,
      reason: input.reason,
      cancelledLessonIds: [],
      createdBy: actor.userId,
      updatedBy: actor.userId,
      createdAt: stamp,
      updatedAt: stamp,
    };
    await commitWrites(planningDb, (tx) => [
      tx.closure.create(created).commit(),
      recordAudit(tx, { studioId, actorId: actor.userId, action: "closure.created", entityType: "closure", entityId: created.closureId, after: created }),
    ]);
    closure = created;
  }

  const cancelled = await cancelClosureLessons(studioId, {
    closure,
    studio,
    settings: withDefaults(records[0]),
    actorId: actor.userId,
    now,
  });
  await closeSeriesDates(studio, closure, now);
  const ids = [...(closure.cancelledLessonIds ?? []), ...cancelled.map((p) => p.next.lessonId)];
  return toClosure({ ...closure, cancelledLessonIds: ids, updatedAt: cancelled.length > 0 ? new Date().toISOString() : closure.updatedAt });
}
