import { itemOf, readTogether } from "../../kernel/db/read-together";
import { logFailure } from "../../kernel/log/log-failure";
import { addDays } from "../../kernel/time/wall-clock";
import type { AnnouncementRecord } from "../announcement.entity";
import { messagingDb } from "../messaging-db";
import { advanceAnnouncement, minuteBudget } from "./send-announcement";

/** Due entries of this many UTC days back are looked at (the job runs every minute; this covers an outage). */
const LOOKBACK_DAYS = 3;
const PAGE = 25;

export interface AnnouncementsRun {
  /** Emails handed to the outbox. */
  queued: number;
  /** Announcements that finished going out. */
  finished: number;
  failed: number;
}

/**
 * The announcements job (every minute): each scheduled announcement whose time has come starts
 * going out, and each one going out moves along, oldest first, until a minute's worth of the
 * account's SES send rate is handed to the outbox; the rest wait for the next minute. No Scan: a
 * Query per UTC day bucket of the sparse `announcementDue` index. Safe to run twice at once.
 */
export async function sendAnnouncements({ now, budget = minuteBudget() }: { now: Date; budget?: number }): Promise<AnnouncementsRun> {
  const run: AnnouncementsRun = { queued: 0, finished: 0, failed: 0 };
  const today = now.toISOString().slice(0, 10);
  for (let back = LOOKBACK_DAYS - 1; back >= 0 && run.queued < budget; back--) {
    let cursor: string | null = null;
    do {
      const result: { data: AnnouncementRecord[]; cursor: string | null } = await messagingDb()
        .entities.announcement.query.announcementDue({ dueDay: addDays(today, -back) })
        .lte({ dueAt: now.toISOString() })
        .go({ cursor, limit: PAGE, pages: 1 });
      for (const due of result.data) {
        if (run.queued >= budget) break;
        try {
          const [studio] = await readTogether(itemOf(messagingDb().entities.studio, { studioId: due.studioId }));
          if (!studio || studio.deletedAt) continue;
          const step = await advanceAnnouncement(studio, due, now, budget - run.queued);
          run.queued += step.queued;
          if (step.finished) run.finished++;
        } catch (error) {
          run.failed++;
          logFailure(`announcement ${due.studioId}/${due.announcementId}`, error);
        }
      }
      cursor = run.queued < budget ? result.cursor : null;
    } while (cursor);
  }
  if (run.queued + run.finished + run.failed > 0) console.log(JSON.stringify({ level: "info", message: "announcements", ...run }));
  return run;
}
