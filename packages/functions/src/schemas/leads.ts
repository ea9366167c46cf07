import { z } from "@hono/zod-openapi";
import { LeadSchema, LeadStageSchema, LeadTaskSchema } from "@studiosync/core/leads";
import { ImportRowSchema, importReportSchema } from "./imports";

export { LeadSchema, LeadStageSchema, LeadTaskSchema };

const page = <T extends z.ZodTypeAny>(item: T, name: string) => z.object({ items: z.array(item), nextCursor: z.string().nullable() }).openapi(name);

export const LeadPageSchema = page(LeadSchema, "LeadPage");
export const LeadTaskPageSchema = page(LeadTaskSchema, "LeadTaskPage");

/** A lead with its likely duplicates and, on `include=tasks`, its tasks. */
export const LeadDetailSchema = LeadSchema.extend({
  duplicates: z.array(LeadSchema).openapi({ description: "Other listed leads with the same contact email or phone digits (admins)" }),
  tasks: z.array(LeadTaskSchema).optional(),
}).openapi("LeadDetail");

export const LeadBoardSchema = z
  .object({ stages: z.array(LeadStageSchema), items: z.array(LeadSchema), nextCursor: z.string().nullable() })
  .openapi("LeadBoard");

export const LeadStagesSchema = z.object({ stages: z.array(LeadStageSchema) }).openapi("LeadStages");

const FollowUpOutcomeSchema = z.union([z.object({ id: z.string() }), z.object({ error: z.object({ code: z.string(), message: z.string() }) })]).nullable();

export const LeadConversionSchema = z
  .object({
    lead: LeadSchema,
    familyId: z.string(),
    guardianId: z.string(),
    studentId: z.string().openapi({ description: "The new student: book the first weekly lesson with POST …/recurring-patterns" }),
    invitation: FollowUpOutcomeSchema.openapi({ description: "The guardian's invitation sent right after the conversion, or why it could not be" }),
  })
  .openapi("LeadConversion");

export const LeadFunnelSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    total: z.number().int(),
    won: z.number().int(),
    lost: z.number().int(),
    conversionRate: z.number(),
    stages: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        outcome: z.enum(["open", "won", "lost"]),
        count: z.number().int(),
        reached: z.number().int(),
        medianHoursInStage: z.number().nullable(),
      }),
    ),
    sources: z.array(z.object({ source: z.string(), count: z.number().int(), won: z.number().int(), conversionRate: z.number() })),
  })
  .openapi("LeadFunnel");

export const LeadImportReportSchema = importReportSchema(
  z.enum(["leads"]),
  ImportRowSchema.extend({
    duplicateOf: z
      .array(z.string())
      .optional()
      .openapi({ description: "A created row: the open leads that already had its contact email or phone (it is created all the same)" }),
  }),
).openapi("LeadImportReport");
