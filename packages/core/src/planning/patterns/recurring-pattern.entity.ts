import type { EntityItem } from "electrodb";
import { SERVICE, timestamps } from "../../kernel/db/attributes";
import { Entity } from "../../kernel/db/entity";

export const FREQUENCIES = ["weekly", "biweekly", "monthly"] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/**
 * A recurring lesson (seeds: RecurringPattern): every week, every other week, or monthly on the
 * same weekday of the month as `startDate` (the 2nd Tuesday; the last one when it is the 5th),
 * at `startTime` local in the studio's time zone. Lessons are materialised ahead up to the
 * studio's horizon; `materialisedThrough` is the last local date done.
 */
export const RecurringPatternEntity = new Entity({
  model: { entity: "recurringPattern", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    patternId: { type: "string", required: true, readOnly: true },
    teacherId: { type: "string", required: true },
    studentId: { type: "string" },
    bandId: { type: "string" },
    /** Who attends (the student, or the band's members when the pattern was made): who may see it. */
    studentIds: { type: "list", items: { type: "string" }, required: true },
    type: { type: ["private", "group", "ensemble", "online"] as const, required: true },
    frequency: { type: ["weekly", "biweekly", "monthly"] as const, required: true },
    /** ISO weekday 1 = Monday … 7 = Sunday (the weekday of startDate). */
    dayOfWeek: { type: "number", required: true },
    /** "HH:MM" local. */
    startTime: { type: "string", required: true },
    durationMinutes: { type: "number", required: true },
    startDate: { type: "string", required: true },
    endDate: { type: "string" },
    title: { type: "string" },
    location: { type: "string" },
    roomName: { type: "string" },
    onlineUrl: { type: "string" },
    isActive: { type: "boolean", required: true, default: true },
    /** The last local date whose occurrence has been materialised (or skipped). */
    materialisedThrough: { type: "string" },
    /** Occurrences skipped because of a closure or a conflict, with the reason, newest last (at most 50). */
    skipped: {
      type: "list",
      items: {
        type: "map",
        properties: {
          date: { type: "string", required: true },
          reason: { type: "string", required: true },
          conflictingLessonId: { type: "string" },
        },
      },
    },
    /** When an edit "from date X" split this pattern: the pattern that continues it. */
    continuedBy: { type: "string" },
    continues: { type: "string" },
    /** Counts the changes of the series families' calendars were sent (an end, a closure's dates): the series invitation's SEQUENCE. */
    revision: { type: "number" },
    /** Bumped by every write; each write is conditional on the version it read (API edits and the job race safely). */
    version: { type: "number", required: true, default: 1 },
    createdBy: { type: "string", readOnly: true },
    updatedBy: { type: "string" },
    ...timestamps,
  },
  indexes: {
    pattern: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: ["patternId"] } },
    /** The materialise job's work list: active patterns of every studio, across tenants (job only). */
    activePatterns: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["isActive"] },
      sk: { field: "gsi1sk", composite: ["studioId", "patternId"] },
    },
    patternsByTeacher: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["studioId", "teacherId"] },
      sk: { field: "gsi2sk", composite: ["startDate", "patternId"] },
    },
  },
});

/** A stored RecurringPattern item, as reads return it. */
export type PatternRecord = EntityItem<typeof RecurringPatternEntity>;
