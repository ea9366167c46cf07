import { page, type Page } from "../../kernel/pagination/pagination";
import type { Actor } from "../../policy";
import { teachingDb } from "../teaching-db";
import { addDays } from "../../kernel/time/wall-clock";
import { loadStudentSubject } from "../student-subject";
import { toPracticeLog, type PracticeLog } from "./practice-log-view";
import type { ListPracticeLogsQuery } from "./schemas";

/** Far enough on either side of any practice date to bound an open range. */
const EARLIEST = "0000-01-01";
const LATEST = "9999-12-31";

/**
 * A student's practice, newest day first, for whoever may see the student (so their teacher sees
 * it): one read for the member and the student, one range query of the student's log index by local
 * date (`from`/`to` inclusive).
 */
export async function listPracticeLogs(actor: Actor, studioId: string, query: ListPracticeLogsQuery): Promise<Page<PracticeLog>> {
  await loadStudentSubject(actor, studioId, query.studentId);
  // The sort key is "practisedOn#logId": every log of `to` sorts before the day after it.
  const upper = query.to ? addDays(query.to, 1) : LATEST;
  const records = await page(
    { studioId, list: "practice-logs" },
    (options) =>
      teachingDb()
        .entities.practiceLog.query.logsByStudent({ studioId, studentId: query.studentId, listing: "listed" })
        .between({ practisedOn: query.from ?? EARLIEST }, { practisedOn: upper })
        .go({ ...options, pages: 1, order: "desc" }),
    query,
  );
  return { items: records.items.map(toPracticeLog), nextCursor: records.nextCursor };
}
