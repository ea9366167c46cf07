import { ENTITY_ATTRIBUTE } from "../outbox/module";
import { itemOf } from "../kernel/db/read-together";
import { readMany } from "../kernel/db/read-many";
import { meteringDb } from "./metering-db";
import { openUsageMonth, recordUsage, type UsageEvent } from "./record-usage";
import { usageMonthOf } from "./usage-month-of";

type Value = { S?: string; N?: string; L?: { S?: string }[] } | undefined;
type Image = Record<string, Value>;

/** The part of a DynamoDB Stream record metering reads (Lambda events and GetRecords share it). */
export interface UsageStreamRecord {
  eventName?: string;
  dynamodb?: { NewImage?: Image; OldImage?: Image };
}

/** The records metering reads: lessons (active students, lessons held), the outbox (emails sent) and studios (storage). */
export const METERED_ENTITIES = ["lesson", "outboxMessage", "studio"] as const;

/** A lesson that makes its students active in its month: held or still to be held (a cancelled one does not). */
const COUNTS_STUDENTS = new Set(["scheduled", "in_progress", "completed"]);

/** What a usage event needs before its month is known: the instant it happened at, dated in the studio's zone. */
type Undated = Omit<UsageEvent, "month">;

const text = (image: Image | undefined, name: string) => image?.[name]?.S;
const studentsOf = (image: Image | undefined) => (image?.studentIds?.L ?? []).flatMap((item) => (item.S ? [item.S] : []));

/**
 * The usage events in one stream record, undated: a lesson held or to be held makes each of its
 * students active (keyed by the student: one count a month however many lessons; a change of a
 * lesson that already counted, at the same start, is no new event for the students it had); a lesson that
 * became completed is a lesson held (keyed by the lesson); an outbox message that became sent is an
 * email (keyed by the message). Anything else (other records, deletes, other changes) is none.
 */
export function usageEventsOf(record: UsageStreamRecord): Undated[] {
  const next = record.dynamodb?.NewImage;
  const prev = record.dynamodb?.OldImage;
  if (!next || (record.eventName !== "INSERT" && record.eventName !== "MODIFY")) return [];
  switch (text(next, ENTITY_ATTRIBUTE)) {
    case "lesson": {
      const studioId = text(next, "studioId");
      const lessonId = text(next, "lessonId");
      const at = text(next, "scheduledStart");
      const status = text(next, "status") ?? "scheduled";
      if (!studioId || !lessonId || !at || !COUNTS_STUDENTS.has(status)) return [];
      // A change of a lesson that already counted, at the same start, only counts the students it added.
      const counted = COUNTS_STUDENTS.has(text(prev, "status") ?? "") && text(prev, "scheduledStart") === at ? new Set(studentsOf(prev)) : new Set<string>();
      const events: Undated[] = studentsOf(next)
        .filter((studentId) => !counted.has(studentId))
        .map((studentId) => ({ studioId, metric: "activeStudents", key: studentId, amount: 1, at }));
      if (status === "completed" && text(prev, "status") !== "completed") {
        events.push({ studioId, metric: "lessonsHeld", key: lessonId, amount: 1, at, label: text(next, "title") });
      }
      return events;
    }
    case "outboxMessage": {
      const studioId = text(next, "scope");
      const messageId = text(next, "messageId");
      const at = text(next, "sentAt");
      if (!studioId || !messageId || !at || text(next, "status") !== "sent" || text(prev, "status") === "sent") return [];
      // Labelled by its kind (the message id's first part: "lesson-reminder", "invoice"), not its subject: usage keeps no personal data.
      return [{ studioId, metric: "emailsSent", key: messageId, amount: 1, at, label: messageId.split(/[#:]/)[0] }];
    }
    default:
      return [];
  }
}

/** A studio created, or its storage changed: it is metered from this month on (storage.ts samples it). */
function openedStudio(record: UsageStreamRecord): { studioId: string; at: string } | undefined {
  const next = record.dynamodb?.NewImage;
  if (text(next, ENTITY_ATTRIBUTE) !== "studio" || (record.eventName !== "INSERT" && record.eventName !== "MODIFY")) return undefined;
  const studioId = text(next, "studioId");
  const changed = record.eventName === "INSERT" || next?.storageBytes?.N !== record.dynamodb?.OldImage?.storageBytes?.N;
  return studioId && changed ? { studioId, at: text(next, "updatedAt") ?? new Date().toISOString() } : undefined;
}

/**
 * The stream consumer of usage (stacks: lessons, outbox messages and studios, inserts and
 * changes): dates each event in its studio's zone (one BatchGetItem of the batch's studios) and
 * counts it once (record-usage.ts), so a replayed batch changes nothing. Mail not about a studio
 * (account mail: scope "accounts") and deleted studios are not metered. A record whose counting
 * failed is reported by index, so the event source or the local poller hands it back.
 */
export async function consumeUsageRecords(records: readonly UsageStreamRecord[]): Promise<{ failedIndexes: number[] }> {
  const perRecord = records.map((record) => ({ events: usageEventsOf(record), opened: openedStudio(record) }));
  const studioIds = [...new Set(perRecord.flatMap(({ events, opened }) => [...events.map((e) => e.studioId), ...(opened ? [opened.studioId] : [])]))];
  if (studioIds.length === 0) return { failedIndexes: [] };
  const failedIndexes: number[] = [];
  let zones: Map<string, string>;
  try {
    const studios = await readMany(studioIds.map((studioId) => itemOf(meteringDb().entities.studio, { studioId })));
    zones = new Map(studios.flatMap((studio) => (studio && !studio.deletedAt ? [[studio.studioId, studio.timeZone] as const] : [])));
  } catch (error) {
    console.error(JSON.stringify({ level: "error", message: "metering could not read the studios", error: String(error) }));
    return { failedIndexes: perRecord.flatMap(({ events, opened }, index) => (events.length > 0 || opened ? [index] : [])) };
  }
  await Promise.all(
    perRecord.map(async ({ events, opened }, index) => {
      try {
        for (const event of events) {
          const zone = zones.get(event.studioId);
          if (zone) await recordUsage({ ...event, month: usageMonthOf(event.at, zone) });
        }
        const zone = opened && zones.get(opened.studioId);
        if (opened && zone) await openUsageMonth(opened.studioId, usageMonthOf(opened.at, zone));
      } catch (error) {
        failedIndexes.push(index);
        console.error(JSON.stringify({ level: "error", message: "metering failed", error: String(error) }));
      }
    }),
  );
  return { failedIndexes: failedIndexes.sort((a, b) => a - b) };
}
