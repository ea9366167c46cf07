import { z } from "../../kernel/schema/openapi-zod";

const nullable = z.string().nullable();

/** The policy as the API shows it; `updatedAt` null while the studio uses the defaults (cancellation-policy.ts maps the settings to it). */
export const CancellationPolicySchema = z
  .object({
    noticeHours: z.number().int().openapi({ description: "Hours of notice a student's cancellation needs to earn a make-up credit", example: 24 }),
    issueMakeupCredit: z.boolean().openapi({ description: "Whether cancellations earn make-up credits at all" }),
    maxCreditsPerTerm: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "Credits a student's own cancellations may earn per term; null: no limit", example: 3 }),
    termLength: z.enum(["month", "quarter", "half_year", "year"]).openapi({ description: "Terms are calendar periods in the studio's time zone" }),
    creditExpiryDays: z.number().int().openapi({ description: "Days a credit can be spent from the day it is issued", example: 90 }),
    reminderLeadHours: z.number().int().openapi({ description: "Hours before a lesson its reminder email goes out", example: 24 }),
    horizonWeeks: z.number().int().openapi({ description: "Weeks ahead recurring patterns are materialised", example: 12 }),
    offerFreedSlots: z.boolean().openapi({
      description: "Whether a lesson slot that frees up is emailed to the families holding a make-up credit with its teacher (the first to claim it books it)",
    }),
    updatedAt: nullable.openapi({ description: "null while the studio uses the defaults" }),
  })
  .openapi("CancellationPolicy");
export type CancellationPolicy = z.infer<typeof CancellationPolicySchema>;
