import { isConditionalFailure } from "../kernel/db/conditional-failure";
import { addDays } from "../kernel/time/wall-clock";
import { logFailure } from "../kernel/log/log-failure";
import { getStudio } from "./studio-of";
import { enqueueAll, reminderMails } from "./event-mail";
import { eventsDb } from "./events-db";

/** Day buckets a run looks back over (a job down for two days still sends what is due, once). */
const LOOKBACK_DAYS = 2;

export interface EventRemindersRun {
  events: number;
  reminders: number;
}

/**
 * The EventReminders job: the events whose reminder is due (the sparse `eventReminderDue` index,
 * by UTC day up to `now`) get one reminder per yes/maybe answer with an address — deterministic
 * outbox ids (`event-reminder#<event>#<respondent>`), so a rerun or a race sends nothing twice —
 * then leave the index (conditional on the reminder time as read). Safe to run twice.
 */
export async function sendEventReminders({ now = new Date() }: { now?: Date } = {}): Promise<EventRemindersRun> {
  const { studioEvent } = eventsDb().entities;
  const today = now.toISOString().slice(0, 10);
  const run: EventRemindersRun = { events: 0, reminders: 0 };
  for (let d = -LOOKBACK_DAYS; d <= 0; d++) {
    const { data } = await studioEvent.query
      .eventReminderDue({ remindDay: addDays(today, d) })
      .lte({ remindAt: now.toISOString() })
      .go({ pages: "all" });
    for (const due of data) {
      try {
        const { data: e } = await studioEvent.get({ studioId: due.studioId, eventId: due.eventId }).go({ consistent: true });
        if (!e || !e.remindAt || e.remindAt !== due.remindAt) continue;
        const studio = await getStudio(e.studioId);
        const mails = studio && e.status === "scheduled" && Date.parse(e.startsAt) > now.getTime() ? await reminderMails(studio, e) : [];
        run.reminders += await enqueueAll(mails, now);
        await studioEvent
          .patch({ studioId: e.studioId, eventId: e.eventId })
          .remove(["remindDay", "remindAt"])
          .where((a, op) => op.eq(a.remindAt, e.remindAt!))
          .go();
        run.events += 1;
      } catch (error) {
        if (!isConditionalFailure(error)) logFailure(`event reminders ${due.studioId}/${due.eventId}`, error);
      }
    }
  }
  return run;
}
