import type { EntityItem } from "electrodb";
import { Entity } from "../kernel/db/entity";
import { auditedFields, peopleModel } from "./person-fields";

/** A teacher of a studio (seeds: Teacher), optionally linked to a user account. */
export const TeacherEntity = new Entity({
  model: peopleModel("teacher"),
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    teacherId: { type: "string", required: true, readOnly: true },
    userId: { type: "string" },
    firstName: { type: "string", required: true },
    lastName: { type: "string", required: true },
    email: { type: "string" },
    phone: { type: "string" },
    bio: { type: "string" },
    specialties: { type: "list", items: { type: "string" } },
    /** Default lesson rate in the studio currency's minor units (cents). */
    hourlyRateMinor: { type: "number" },
    isAcceptingStudents: { type: "boolean", required: true, default: true },
    bookingBufferMinutes: { type: "number", required: true, default: 0 },
    isActive: { type: "boolean", required: true, default: true },
    /** Shown on the studio's public page when true. */
    isPublic: { type: "boolean", required: true, default: false },
    publicBio: { type: "string" },
    /** Degrees, diplomas, exam boards: shown on the public page. */
    qualifications: { type: "string" },
    /** Their photo for the public page (people/teachers/teacher-photo.ts). */
    photoKey: { type: "string" },
    ...auditedFields,
  },
  indexes: {
    teacher: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: ["teacherId"] } },
    teachersByName: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["studioId", "listing"] },
      sk: { field: "gsi1sk", composite: ["nameKey", "teacherId"] },
    },
    teachersByEmail: {
      index: "gsi3",
      pk: { field: "gsi3pk", composite: ["studioId", "listing"] },
      sk: { field: "gsi3sk", composite: ["emailKey", "teacherId"] },
    },
  },
});

/** A stored Teacher item, as reads return it. */
export type TeacherRecord = EntityItem<typeof TeacherEntity>;
