import { tenantEntities } from "../db";
import { tableService, type TransactionEntities } from "../kernel/db/table-service";
import { LessonEntity } from "../scheduling/module";
import { LessonNoteEntity } from "../teaching/module";
import { resourcesModule } from "./module";

/**
 * The resource records with what their shares reach: a lesson's students and a note's flags.
 * Only the resources Lambda carries them.
 */
export const resourcesEntities = {
  ...tenantEntities,
  lesson: LessonEntity,
  lessonNote: LessonNoteEntity,
  ...resourcesModule.entities,
};

/** The resources service (same table, same client as the others). */
export const resourcesDb = tableService(resourcesEntities);

/** The resource entities as a transaction callback receives them. */
export type ResourcesTx = TransactionEntities<typeof resourcesDb>;
