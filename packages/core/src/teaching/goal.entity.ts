import type { EntityItem } from "electrodb";
import { SERVICE, timestamps } from "../kernel/db/attributes";
import { Entity } from "../kernel/db/entity";
import { LISTINGS } from "../kernel/db/attributes";

export const GOAL_STATUSES = ["active", "achieved", "abandoned"] as const;

/** A student's goal (seeds: StudentGoal) with progress 0–100, set by their teacher. */
export const GoalEntity = new Entity({
  model: { entity: "goal", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    goalId: { type: "string", required: true, readOnly: true },
    /** Never changes; writes that move the record between lists pass it again for the index key. */
    studentId: { type: "string", required: true },
    teacherId: { type: "string" },
    title: { type: "string", required: true },
    description: { type: "string" },
    targetDate: { type: "string" },
    status: { type: ["active", "achieved", "abandoned"] as const, required: true, default: "active" },
    progressPercentage: { type: "number", required: true, default: 0 },
    achievedAt: { type: "string" },
    createdBy: { type: "string", readOnly: true },
    updatedBy: { type: "string" },
    deletedAt: { type: "string" },
    /** "deleted" moves a goal out of the student's list (soft delete). */
    listing: { type: LISTINGS, required: true, default: "listed" },
    ...timestamps,
  },
  indexes: {
    goal: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: ["goalId"] } },
    goalsByStudent: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["studioId", "studentId", "listing"] },
      sk: { field: "gsi1sk", composite: ["createdAt", "goalId"] },
    },
  },
});

/** A stored Goal item, as reads return it. */
export type GoalRecord = EntityItem<typeof GoalEntity>;
