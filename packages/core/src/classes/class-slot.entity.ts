import type { EntityItem } from "electrodb";
import { SERVICE, timestamps } from "../kernel/db/attributes";
import { Entity } from "../kernel/db/entity";

/**
 * A class slot (seeds 004: ClassSlot): a course taught by a teacher in a room every week on one
 * weekday at a local time, for a term (local dates), with a capacity. Its weekly lessons are group
 * lessons of scheduling, made when the slot is made (`lessons`: id and planned start, oldest
 * first). `seatsTaken` counts enrolments and open waitlist offers (an offer holds the seat it was
 * made for); admission raises it on condition `seatsTaken < capacity`, the capacity guard.
 */
export const ClassSlotEntity = new Entity({
  model: { entity: "classSlot", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    slotId: { type: "string", required: true, readOnly: true },
    courseId: { type: "string", required: true, readOnly: true },
    /** The course's name and instrument when made (lists show them without reading the course). */
    courseName: { type: "string", required: true },
    instrument: { type: "string", required: true },
    teacherId: { type: "string", required: true, readOnly: true },
    roomName: { type: "string" },
    roomKey: { type: "string", required: true, default: "none" },
    /** ISO weekday, 1 = Monday … 7 = Sunday. */
    weekday: { type: "number", required: true, readOnly: true },
    /** Local time "16:00" in the studio's time zone. */
    startTime: { type: "string", required: true, readOnly: true },
    durationMinutes: { type: "number", required: true, readOnly: true },
    termStart: { type: "string", required: true, readOnly: true },
    termEnd: { type: "string", required: true, readOnly: true },
    capacity: { type: "number", required: true },
    seatsTaken: { type: "number", required: true, default: 0 },
    lessons: {
      type: "list",
      required: true,
      items: { type: "map", properties: { lessonId: { type: "string", required: true }, start: { type: "string", required: true } } },
    },
    createdBy: { type: "string", readOnly: true },
    updatedBy: { type: "string" },
    ...timestamps,
  },
  indexes: {
    classSlot: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: ["slotId"] } },
    /** A course's slots. */
    slotsByCourse: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["studioId", "courseId"] },
      sk: { field: "gsi1sk", composite: ["weekday", "startTime", "slotId"] },
    },
    /** A teacher's slots (their read-only list and attendance). */
    slotsByTeacher: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["studioId", "teacherId"] },
      sk: { field: "gsi2sk", composite: ["weekday", "startTime", "slotId"] },
    },
  },
});

/** A stored ClassSlot, as reads return it. */
export type ClassSlotRecord = EntityItem<typeof ClassSlotEntity>;
