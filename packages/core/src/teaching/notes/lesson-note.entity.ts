import type { EntityItem } from "electrodb";
import { SERVICE, timestamps } from "../../kernel/db/attributes";
import { Entity } from "../../kernel/db/entity";

/** A teacher's notes on a lesson (seeds: LessonNote), shown to the student/parents only when marked visible. */
export const LessonNoteEntity = new Entity({
  model: { entity: "lessonNote", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    lessonId: { type: "string", required: true, readOnly: true },
    noteId: { type: "string", required: true, readOnly: true },
    teacherId: { type: "string", required: true },
    summary: { type: "string", required: true },
    topicsCovered: { type: "list", items: { type: "string" } },
    assignments: { type: "list", items: { type: "string" } },
    strengths: { type: "list", items: { type: "string" } },
    challenges: { type: "list", items: { type: "string" } },
    homework: { type: "string" },
    visibleToStudent: { type: "boolean", required: true, default: false },
    visibleToParent: { type: "boolean", required: true, default: false },
    createdBy: { type: "string", readOnly: true },
    updatedBy: { type: "string" },
    ...timestamps,
  },
  indexes: {
    note: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: ["lessonId", "noteId"] } },
  },
});

/** A stored LessonNote item, as reads return it. */
export type LessonNoteRecord = EntityItem<typeof LessonNoteEntity>;
