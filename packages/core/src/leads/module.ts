import type { CoreModule } from "../kernel/core-module";
import { LeadEntity } from "./lead.entity";
import { LeadStagesEntity } from "./lead-stages.entity";
import { LeadFollowUpSentEntity, LeadTaskDueEntity, LeadTaskEntity } from "./lead-task.entity";

export * from "./lead.entity";
export * from "./lead-stages.entity";
export * from "./lead-task.entity";

/**
 * The leads module's declaration: the studio's prospective students, its lead stages (with the
 * board's counts), follow-up tasks, their work queue and the record of "follow-ups due" emails
 * sent. The services are composed from these declarations; other modules reach the entities
 * through this file.
 */
export const leadsModule = {
  name: "leads",
  entities: {
    lead: LeadEntity,
    leadStages: LeadStagesEntity,
    leadTask: LeadTaskEntity,
    leadTaskDue: LeadTaskDueEntity,
    leadFollowUpSent: LeadFollowUpSentEntity,
  },
} as const satisfies CoreModule;
