import { z } from "../kernel/schema/openapi-zod";
import { LEAD_SOURCES } from "./lead.entity";

const optional = z.string().nullable();

export const LeadNoteSchema = z
  .object({
    id: z.string(),
    kind: z.enum(["note", "contact"]).openapi({ description: "A note, or a contact attempt (with what happened)" }),
    body: z.string(),
    by: z.string().openapi({ description: "User id of who wrote it" }),
    at: z.string(),
  })
  .openapi("LeadNote");

/** A lead as the API shows it (lead-view.ts maps a record to it). */
export const LeadSchema = z
  .object({
    id: z.string(),
    source: z.enum(LEAD_SOURCES),
    stage: z.string().openapi({ description: "A key of the studio's lead stages", example: "contacted" }),
    stageChangedAt: z.string(),
    stageHistory: z.array(z.object({ stage: z.string(), at: z.string() })),
    lostReason: optional,
    studentFirstName: z.string(),
    studentLastName: z.string(),
    studentAge: z.number().int().nullable(),
    instrument: optional,
    level: optional,
    contactName: z.string(),
    contactEmail: optional,
    contactPhone: optional,
    availability: optional,
    message: optional,
    ownerId: optional.openapi({ description: "User id of the staff member who follows the lead up" }),
    assignedTeacherId: optional,
    tags: z.array(z.string()),
    contactAttempts: z.number().int(),
    lastContactedAt: optional,
    nextFollowUpOn: optional,
    walkInOn: optional,
    trialBookingId: optional,
    trialStart: optional,
    trialTeacherId: optional,
    convertedAt: optional,
    familyId: optional,
    studentId: optional,
    mergedInto: optional,
    mergedFrom: z.array(z.string()),
    notes: z.array(LeadNoteSchema),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Lead");
export type Lead = z.infer<typeof LeadSchema>;

export const LeadTaskSchema = z
  .object({
    id: z.string(),
    leadId: z.string(),
    title: z.string(),
    dueOn: z.string().openapi({ description: "Local date (studio time zone)", example: "2026-03-12" }),
    ownerId: z.string(),
    status: z.enum(["open", "done"]),
    isOverdue: z.boolean(),
    doneAt: optional,
    createdAt: z.string(),
  })
  .openapi("LeadTask");
export type LeadTask = z.infer<typeof LeadTaskSchema>;

export const LeadStageSchema = z
  .object({
    key: z.string(),
    name: z.string(),
    outcome: z.enum(["open", "won", "lost"]),
    builtIn: z.boolean().openapi({ description: "The six built-in stages stay; custom ones can be removed when empty" }),
    count: z.number().int().openapi({ description: "Listed leads in this stage" }),
  })
  .openapi("LeadStage");
export type LeadStageView = z.infer<typeof LeadStageSchema>;
