import type { EntityItem } from "electrodb";
import { SERVICE, timestamps } from "../kernel/db/attributes";
import { Entity } from "../kernel/db/entity";
import { LISTINGS } from "../kernel/db/attributes";

/** The author of a plan written by an admin who has no teacher profile. */
export const STUDIO_AUTHOR = "studio";

/** A reusable lesson plan (seeds: LessonPlan): private to its teacher, or shared with the studio's teachers. */
export const LessonPlanEntity = new Entity({
  model: { entity: "lessonPlan", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    planId: { type: "string", required: true, readOnly: true },
    /** The author; "studio" for plans written by an admin without a teacher profile. */
    teacherId: { type: "string", required: true },
    title: { type: "string", required: true },
    /** Lower-cased, accent-free title: the sort and prefix-search key of both list indexes. */
    titleKey: { type: "string", required: true },
    description: { type: "string" },
    specialty: { type: "string" },
    durationMinutes: { type: "number" },
    objectives: { type: "list", items: { type: "string" } },
    materials: { type: "list", items: { type: "string" } },
    activities: { type: "list", items: { type: "string" } },
    tags: { type: "list", items: { type: "string" } },
    isPublic: { type: "boolean", required: true, default: false },
    /** "public" or "private": the index partition that lets teachers list shared plans in one query. */
    sharing: { type: ["public", "private"] as const, required: true },
    /** "deleted" moves a plan out of both list indexes (soft delete). */
    listing: { type: LISTINGS, required: true, default: "listed" },
    createdBy: { type: "string", readOnly: true },
    updatedBy: { type: "string" },
    deletedAt: { type: "string" },
    ...timestamps,
  },
  indexes: {
    plan: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: ["planId"] } },
    plansByTeacher: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["studioId", "teacherId", "listing"] },
      sk: { field: "gsi1sk", composite: ["titleKey", "planId"] },
    },
    plansBySharing: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["studioId", "sharing", "listing"] },
      sk: { field: "gsi2sk", composite: ["titleKey", "planId"] },
    },
    /** One teacher's public plans, for a teacher browsing a colleague's shared plans. */
    plansByTeacherSharing: {
      index: "gsi3",
      pk: { field: "gsi3pk", composite: ["studioId", "teacherId", "sharing", "listing"] },
      sk: { field: "gsi3sk", composite: ["titleKey", "planId"] },
    },
  },
});

/** A stored LessonPlan item, as reads return it. */
export type LessonPlanRecord = EntityItem<typeof LessonPlanEntity>;
