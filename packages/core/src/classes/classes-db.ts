import { tenantEntities } from "../db";
import { FeePlanEnrolmentEntity, FeePlanEntity } from "../billing/module";
import { schedulingModule } from "../scheduling/module";
import { tableService, type TransactionEntities } from "../kernel/db/table-service";
import { classesModule } from "./module";

/**
 * The classes entities with what their transactions span: the scheduling entities (a slot's
 * lessons, attendees, day schedules, reminders, the job cursor), billing's fee plans and
 * enrolments (a course plan's fee plan, an admission's billing enrolment), and the people, audit
 * and outbox entities (tenantEntities). Only the classes Lambda carries them.
 */
export const classesEntities = {
  ...tenantEntities,
  ...schedulingModule.entities,
  feePlan: FeePlanEntity,
  feePlanEnrolment: FeePlanEnrolmentEntity,
  ...classesModule.entities,
};

/** The classes service (same table, same client as the others). */
export const classesDb = tableService(classesEntities);

/** The classes entities as a transaction callback receives them. */
export type ClassesTx = TransactionEntities<typeof classesDb>;
