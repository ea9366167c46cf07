import { z } from "@hono/zod-openapi";
import { InvoiceSummarySchema } from "./billing-invoices";
import { MakeupCreditSchema } from "./cancellations";
import { LessonSchema } from "./lessons";
import { RecordNamesSchema } from "./names";

export const HouseholdSchema = z
  .object({
    kind: z.enum(["family", "student"]).openapi({ description: "A parent's family, or an adult student on their own" }),
    id: z.string().nullable().openapi({ description: "The family's id or the student's; null for a login not linked to a record" }),
    name: z.string(),
    students: z
      .array(z.object({ id: z.string(), firstName: z.string(), lastName: z.string() }))
      .openapi({ description: "The family's live children (a student: themself), by first name" }),
  })
  .openapi("Household");

export const PortalHomeSchema = z
  .object({
    role: z.enum(["student", "parent"]),
    today: z.string().openapi({ description: "The studio's local date", example: "2026-12-02" }),
    timeZone: z.string(),
    household: HouseholdSchema,
    studentId: z.string().nullable().openapi({ description: "The child chosen with `studentId`; null: the whole household" }),
    lessons: z
      .array(LessonSchema.extend({ familyStudentIds: z.array(z.string()).openapi({ description: "The household's students in this lesson" }) }))
      .openapi({ description: "Lessons from now over the next 28 days, by start, cancelled ones left out (at most 20)" }),
    moreLessons: z.boolean().openapi({ description: "More lessons than listed: the calendar shows them" }),
    makeupCredits: z.array(MakeupCreditSchema).openapi({ description: "Available, unexpired credits of the children shown, soonest expiry first" }),
    billing: z
      .object({
        accountId: z.string(),
        currency: z.string(),
        balanceMinor: z.number().int().openapi({ description: "What the household owes (negative: in credit), minor units" }),
        creditMinor: z.number().int().openapi({ description: "Money held unallocated, minor units" }),
        openInvoices: z.array(InvoiceSummarySchema).openapi({ description: "Issued invoices not paid in full, soonest due first" }),
      })
      .nullable()
      .openapi({ description: "The household's own billing account (a parent's family's, a student's own); null before the studio opens one" }),
    names: RecordNamesSchema.openapi({ description: "The household's students, and the teachers and bands mentioned" }),
  })
  .openapi("PortalHome");
