import type { EntityItem } from "electrodb";
import { Entity } from "../kernel/db/entity";
import { auditedFields, peopleModel } from "./person-fields";

export const SKILL_LEVELS = ["beginner", "intermediate", "advanced", "professional"] as const;

/** A student of a studio (seeds: Student), optionally linked to a user account and a family. */
export const StudentEntity = new Entity({
  model: peopleModel("student"),
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    studentId: { type: "string", required: true, readOnly: true },
    userId: { type: "string" },
    familyId: { type: "string" },
    /** The teacher the student is listed under; "none" when unassigned (keeps the index dense). */
    primaryTeacherId: { type: "string", required: true, default: "none" },
    firstName: { type: "string", required: true },
    lastName: { type: "string", required: true },
    email: { type: "string" },
    phone: { type: "string" },
    instrument: { type: "string" },
    specialties: { type: "list", items: { type: "string" } },
    skillLevel: { type: SKILL_LEVELS },
    dateOfBirth: { type: "string" },
    emergencyContactName: { type: "string" },
    emergencyContactPhone: { type: "string" },
    /** Medical and allergy notes: only admins and the student's teachers may read them. */
    medicalNotes: { type: "string" },
    enrollmentDate: { type: "string" },
    notes: { type: "string" },
    isActive: { type: "boolean", required: true, default: true },
    ...auditedFields,
  },
  indexes: {
    student: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: ["studentId"] } },
    studentsByName: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["studioId", "listing"] },
      sk: { field: "gsi1sk", composite: ["nameKey", "studentId"] },
    },
    studentsByTeacher: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["studioId", "primaryTeacherId", "listing"] },
      sk: { field: "gsi2sk", composite: ["nameKey", "studentId"] },
    },
    studentsByEmail: {
      index: "gsi3",
      pk: { field: "gsi3pk", composite: ["studioId", "listing"] },
      sk: { field: "gsi3sk", composite: ["emailKey", "studentId"] },
    },
  },
});

/** A stored Student item, as reads return it. */
export type StudentRecord = EntityItem<typeof StudentEntity>;
