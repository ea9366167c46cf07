import { ScanCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { db } from "@studiosync/core/db";
import { isConditionalFailure } from "@studiosync/core/kernel";
import { occurrenceInstants, scheduleDb } from "@studiosync/core/scheduling";
import type { Migration, MigrationContext } from "../migration";

/** The fields of an old-shaped lesson the backfill reads (the Scan projects only these). */
interface OldLesson {
  pk: string;
  sk: string;
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
 * Lessons live in each studio's partition and no index lists studios, so this one-off reads the
 * table with a paginated Scan that returns only pattern lessons without the field. Idempotent:
 * each write is conditional on the field still missing.
 */
export const lessonOccurrenceStart: Migration = {
  id: "0001-lesson-occurrence-start",
  description: "Store occurrenceStart on lessons a recurring pattern made before calendar series",
  async run(context) {
    const plannedStart = plannedStarts();
    let backfilled = 0;
    const leftOut: string[] = [];
    for await (const lessons of oldLessons(context)) {
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

async function* oldLessons({ client, tableName }: MigrationContext): AsyncGenerator<OldLesson[]> {
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: "#entity = :lesson AND attribute_exists(#patternId) AND attribute_exists(#occurrenceDate) AND attribute_not_exists(#occurrenceStart)",
        ProjectionExpression: "#pk, #sk, #studioId, #lessonId, #patternId, #occurrenceDate, #scheduledStart, #editedByHand",
        ExpressionAttributeNames: {
          "#entity": "__edb_e__",
          "#pk": "pk",
          "#sk": "sk",
          "#studioId": "studioId",
          "#lessonId": "lessonId",
          "#patternId": "patternId",
          "#occurrenceDate": "occurrenceDate",
          "#occurrenceStart": "occurrenceStart",
          "#scheduledStart": "scheduledStart",
          "#editedByHand": "editedByHand",
        },
        ExpressionAttributeValues: { ":lesson": "lesson" },
        ExclusiveStartKey: startKey,
      }),
    );
    startKey = page.LastEvaluatedKey;
    if (page.Items && page.Items.length > 0) yield page.Items as OldLesson[];
  } while (startKey);
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
        scheduleDb()
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

/** Sets the field if it is still missing (a concurrent or earlier run may have set it). */
async function store({ client, tableName }: MigrationContext, lesson: OldLesson, occurrenceStart: string): Promise<boolean> {
  try {
    await client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { pk: lesson.pk, sk: lesson.sk },
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
