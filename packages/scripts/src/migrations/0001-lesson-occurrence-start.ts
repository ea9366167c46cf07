import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { db } from "@studiosync/core/db";
import { isConditionalFailure } from "@studiosync/core/kernel";
import { occurrenceInstants, planningDb } from "@studiosync/core/planning";
import { scheduleDb } from "@studiosync/core/scheduling";
import type { Migration, MigrationContext } from "../migration";

/** The fields of an old-shaped lesson the backfill reads. */
interface OldLesson {
  studioId: string;
  lessonId: string;
  patternId: string;
  occurrenceDate: string;
  scheduledStart: string;
  editedByHand?: boolean;
}

/**
 * Lessons a recurring pattern made before calendar series (95acca8) have no `occurrenceStart`,
 * the instant the pattern planned them: their series' RECURRENCE-ID. Code falls back to the
 * start of a lesson untouched by hand (lesson-invite.ts) and leaves a lesson changed by hand out
 * of its series' invitations (series-event.ts). This stores it: the start of an untouched lesson
 * (it never moved), else the pattern's start time on the lesson's date in the studio's time zone
 * (a pattern's time never changes in place: an edit continues it as a new pattern). Items keep
 * their `updatedAt` (a lesson's calendar SEQUENCE derives from it).
 *
 * Only studios with a recurring pattern have such lessons: the patterns' cross-tenant index
 * (`activePatterns`, active and ended ones) names them, and each studio's lessons are read from
 * its partition, page by page, filtered to pattern lessons without the field. No Scan. Idempotent:
 * each write is conditional on the field still missing.
 */
export const lessonOccurrenceStart: Migration = {
  id: "0001-lesson-occurrence-start",
  description: "Store occurrenceStart on lessons a recurring pattern made before calendar series",
  async run(context) {
    const plannedStart = plannedStarts();
    let backfilled = 0;
    const leftOut: string[] = [];
    for await (const lessons of oldLessons()) {
      for (const lesson of lessons) {
        const start = lesson.editedByHand ? await plannedStart(lesson) : lesson.scheduledStart;
        if (!start) {
          leftOut.push(`${lesson.studioId}/${lesson.lessonId}`);
          continue;
        }
        if (await store(context, lesson, start)) backfilled += 1;
      }
    }
    if (leftOut.length > 0) context.log(`  ${leftOut.length} lesson(s) left as they are (their pattern or studio is gone): ${leftOut.join(", ")}`);
    return `${backfilled} lesson(s) backfilled${leftOut.length > 0 ? `, ${leftOut.length} left as they are` : ""}`;
  },
};

const PAGE = 100;

/** A lesson as the filtered Query returns it: the filter guarantees the pattern fields. */
type LessonRow = Omit<OldLesson, "patternId" | "occurrenceDate"> & Partial<Pick<OldLesson, "patternId" | "occurrenceDate">>;
const isPatternLesson = (row: LessonRow): row is OldLesson => row.patternId !== undefined && row.occurrenceDate !== undefined;

/** Every studio that has (or had) a recurring pattern, from the patterns' cross-tenant index. */
async function studiosWithPatterns(): Promise<Set<string>> {
  const studios = new Set<string>();
  for (const isActive of [true, false]) {
    let cursor: string | null = null;
    do {
      const page: { data: { studioId: string }[]; cursor: string | null } = await planningDb()
        .entities.recurringPattern.query.activePatterns({ isActive })
        .go({ cursor, limit: PAGE, pages: 1, attributes: ["studioId"] });
      for (const { studioId } of page.data) studios.add(studioId);
      cursor = page.cursor;
    } while (cursor);
  }
  return studios;
}

/** A studio's pattern lessons that lack `occurrenceStart`, a page at a time (a Query of its partition). */
async function* oldLessons(): AsyncGenerator<OldLesson[]> {
  for (const studioId of await studiosWithPatterns()) {
    let cursor: string | null = null;
    do {
      const page: { data: LessonRow[]; cursor: string | null } = await scheduleDb()
        .entities.lesson.query.lesson({ studioId })
        .where((a, op) => `${op.exists(a.patternId)} AND ${op.exists(a.occurrenceDate)} AND ${op.notExists(a.occurrenceStart)}`)
        .go({ cursor, limit: PAGE, pages: 1, attributes: ["studioId", "lessonId", "patternId", "occurrenceDate", "scheduledStart", "editedByHand"] });
      const lessons = page.data.filter(isPatternLesson);
      if (lessons.length > 0) yield lessons;
      cursor = page.cursor;
    } while (cursor);
  }
}

/** The pattern's planned start of a lesson's date; each pattern and studio is read once per run. */
function plannedStarts() {
  const patterns = new Map<string, Promise<{ startTime: string; durationMinutes: number } | null>>();
  const zones = new Map<string, Promise<string | undefined>>();
  const patternOf = (studioId: string, patternId: string) => {
    const key = `${studioId}/${patternId}`;
    if (!patterns.has(key))
      patterns.set(
        key,
        planningDb()
          .entities.recurringPattern.get({ studioId, patternId })
          .go()
          .then((r) => r.data),
      );
    return patterns.get(key)!;
  };
  const zoneOf = (studioId: string) => {
    if (!zones.has(studioId))
      zones.set(
        studioId,
        db()
          .entities.studio.get({ studioId })
          .go()
          .then((r) => r.data?.timeZone),
      );
    return zones.get(studioId)!;
  };
  return async (lesson: OldLesson): Promise<string | undefined> => {
    const [pattern, timeZone] = await Promise.all([patternOf(lesson.studioId, lesson.patternId), zoneOf(lesson.studioId)]);
    if (!pattern || !timeZone) return undefined;
    return occurrenceInstants(lesson.occurrenceDate, pattern.startTime, pattern.durationMinutes, timeZone).start;
  };
}

/** The lesson's table key, as ElectroDB writes it. */
const lessonKey = ({ studioId, lessonId }: OldLesson) =>
  (scheduleDb().entities.lesson.get({ studioId, lessonId }).params() as { Key: Record<string, unknown> }).Key;

/** Sets the field if it is still missing (a concurrent or earlier run may have set it). */
async function store({ client, tableName }: MigrationContext, lesson: OldLesson, occurrenceStart: string): Promise<boolean> {
  try {
    await client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: lessonKey(lesson),
        UpdateExpression: "SET #occurrenceStart = :start",
        ConditionExpression: "attribute_exists(#pk) AND attribute_not_exists(#occurrenceStart)",
        ExpressionAttributeNames: { "#pk": "pk", "#occurrenceStart": "occurrenceStart" },
        ExpressionAttributeValues: { ":start": occurrenceStart },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionalFailure(error)) return false;
    throw error;
  }
}
