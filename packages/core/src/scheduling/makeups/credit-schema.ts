import { z } from "../../kernel/schema/openapi-zod";

const nullable = z.string().nullable();

/** A make-up credit as the API shows it (credit-view.ts maps a record to it). */
export const MakeupCreditSchema = z
  .object({
    id: z.string(),
    studioId: z.string(),
    studentId: z.string(),
    status: z.enum(["available", "used", "expired", "revoked"]).openapi({ description: "An available credit past its expiry date reads as expired" }),
    sourceLessonId: z.string().openapi({ description: "The cancelled lesson that earned it" }),
    cancelledBy: z.enum(["student", "studio"]),
    reason: z.string().openapi({ description: "Why that lesson was cancelled" }),
    term: z.string().openapi({ example: "2026-Q4" }),
    teacherId: z.string().openapi({ description: "The cancelled lesson's teacher: the make-up's default" }),
    durationMinutes: z.number().int().openapi({ description: "The cancelled lesson's length: the make-up's default" }),
    issuedAt: z.string(),
    expiresOn: z.string().openapi({ description: "Last local date it can be spent (studio time zone)", example: "2027-02-21" }),
    usedLessonId: nullable,
    usedAt: nullable,
    expiredAt: nullable,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("MakeupCredit");
export type MakeupCredit = z.infer<typeof MakeupCreditSchema>;
