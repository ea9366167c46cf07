import { ENTITY_ATTRIBUTE } from "../outbox";
import { catchUpMaterials, type CatchUpReason } from "./catch-up";

type Image = Record<string, { S?: string; SS?: string[] } | undefined>;

/** The part of a DynamoDB Stream record the catch-up reads (Lambda events and GetRecords share it). */
export interface ChangeRecord {
  eventName?: string;
  dynamodb?: { NewImage?: Image; OldImage?: Image };
}

/** The records whose changes may make a student a late joiner: students and bands, written or changed. */
export const CATCH_UP_ENTITIES = ["student", "band"] as const;

export interface CatchUp {
  studioId: string;
  studentId: string;
  reason: CatchUpReason;
}

/**
 * Who joined what in one stream record: a student enrolled (insert), restored or moved to another
 * family (their all-students, own and family shares); a band's new members (the band's shares).
 * Anything else (other records, a delete, an edit of a name) is nothing to catch up.
 */
export function catchUpsOf(record: ChangeRecord): CatchUp[] {
  const next = record.dynamodb?.NewImage;
  const prev = record.dynamodb?.OldImage;
  if (!next || (record.eventName !== "INSERT" && record.eventName !== "MODIFY")) return [];
  const studioId = next.studioId?.S;
  if (!studioId || next.deletedAt?.S) return [];
  switch (next[ENTITY_ATTRIBUTE]?.S) {
    case "student": {
      const studentId = next.studentId?.S;
      const joined = record.eventName === "INSERT" || Boolean(prev?.deletedAt?.S) || prev?.familyId?.S !== next.familyId?.S;
      return studentId && joined ? [{ studioId, studentId, reason: { kind: "student" } }] : [];
    }
    case "band": {
      const bandId = next.bandId?.S;
      const before = new Set(prev?.memberStudentIds?.SS ?? []);
      const added = (next.memberStudentIds?.SS ?? []).filter((id) => !before.has(id));
      return bandId ? added.map((studentId) => ({ studioId, studentId, reason: { kind: "band", bandId } })) : [];
    }
    default:
      return [];
  }
}

/**
 * The stream consumer of late joiners (stacks: students and bands, inserts and changes only):
 * catches up each joiner's materials (catch-up.ts, idempotent, so a replayed record is harmless). A
 * record whose catch-up failed is reported by index, so the event source (bisect on error, partial
 * batch response) or the local poller hands it back.
 */
export async function consumeCatchUpRecords(records: readonly ChangeRecord[]): Promise<{ failedIndexes: number[] }> {
  const failedIndexes: number[] = [];
  await Promise.all(
    records.map(async (record, index) => {
      try {
        for (const { studioId, studentId, reason } of catchUpsOf(record)) await catchUpMaterials(studioId, studentId, reason);
      } catch (error) {
        failedIndexes.push(index);
        console.error(JSON.stringify({ level: "error", message: "materials catch-up failed", index, error: String(error) }));
      }
    }),
  );
  return { failedIndexes: failedIndexes.sort((a, b) => a - b) };
}
