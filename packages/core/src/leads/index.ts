/** Leads (seed 004): the studio's prospective students, from public bookings, enquiries, imports and staff entry. */
export { LEAD_SOURCES, LeadEntity, type LeadRecord, type LeadSource } from "./lead.entity";
export { DEFAULT_LEAD_STAGES, NEW_STAGE, STAGE_OUTCOMES, TRIAL_BOOKED_STAGE, type LeadStage, type StageOutcome } from "./lead-stages";
export { isOpenLead, leadIntakeWrite, matchingLead, phoneKeyOf, type LeadIntake, type LeadTx } from "./lead-intake";
export { leadsDb, leadsEntities, type LeadsTx } from "./leads-db";
