import { z } from "@hono/zod-openapi";
import { PlatformInvoiceSchema } from "./platform-billing";

/** The platform operators' console (core/operators): every studio, its usage, what the platform bills, suspensions. */

const pausedReason = z.enum(["unpaid", "suspended"]).nullable().openapi({
  description: "Why the studio's workspace is read-only: an unpaid StudioSync invoice, or a suspension by the operators; null when it is not",
});

export const OperatorSchema = z.object({ id: z.string(), email: z.string(), name: z.string() }).openapi("PlatformOperator");

export const OperatorMonthUsageSchema = z
  .object({
    month: z.string().openapi({ example: "2026-11" }),
    activeStudents: z.number().int(),
    lessonsHeld: z.number().int(),
    emailsSent: z.number().int(),
    storageGbMonths: z.number(),
    currency: z.string(),
    soFarMinor: z.number().int().openapi({ description: "The bill for what was counted so far, at the price in force for the month" }),
    projectedMinor: z.number().int().openapi({ description: "The bill at the month's end if storage stays where it is" }),
  })
  .openapi("OperatorMonthUsage");

export const OpenInvoicesSchema = z
  .object({
    count: z.number().int(),
    totalMinor: z.number().int(),
    currency: z.string(),
    oldestMonth: z.string().nullable(),
    overdue: z.boolean().openapi({ description: "One of them is past its grace period" }),
  })
  .openapi("OperatorOpenInvoices");

const studioFacts = {
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  timeZone: z.string(),
  currency: z.string(),
  country: z.string().nullable(),
  createdAt: z.string(),
  pausedReason,
  pausedAt: z.string().nullable(),
};

const person = z.object({ name: z.string(), email: z.string() });

export const OperatorStudioSchema = z
  .object({
    ...studioFacts,
    owner: person.nullable().openapi({ description: "The studio's owner (the one who signed it up while they still own it)" }),
    usage: OperatorMonthUsageSchema.openapi({ description: "This month so far, in the studio's zone" }),
    openInvoices: OpenInvoicesSchema,
  })
  .openapi("OperatorStudio");

export const OperatorStudioPageSchema = z.object({ items: z.array(OperatorStudioSchema), nextCursor: z.string().nullable() }).openapi("OperatorStudioPage");

export const OperatorActionSchema = z
  .object({
    id: z.string(),
    action: z.enum(["studio.suspended", "studio.unsuspended", "operator.granted", "operator.revoked"]),
    actorId: z.string().openapi({ description: "The operator's user id, or `cli:<who>` for `npm run operator`" }),
    actorEmail: z.string().nullable(),
    subjectType: z.enum(["studio", "user"]),
    subjectId: z.string(),
    subjectName: z.string().nullable().openapi({ description: "The studio's name or the user's email, as it was then" }),
    reason: z.string().nullable(),
    changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
    at: z.string(),
  })
  .openapi("OperatorAction");

export const OperatorActionPageSchema = z.object({ items: z.array(OperatorActionSchema), nextCursor: z.string().nullable() }).openapi("OperatorActionPage");

export const OperatorStudioDetailSchema = z
  .object({
    ...studioFacts,
    email: z.string().nullable(),
    owners: z.array(person),
    card: z
      .object({ brand: z.string(), last4: z.string(), expMonth: z.number().int().nullable(), expYear: z.number().int().nullable() })
      .nullable()
      .openapi({ description: "The card StudioSync charges the studio: its brand and last four digits, never its number" }),
    spendingCapMinor: z.number().int().nullable(),
    usage: z.object({ current: OperatorMonthUsageSchema, months: z.array(OperatorMonthUsageSchema).openapi({ description: "12 months, oldest first" }) }),
    invoices: z.array(PlatformInvoiceSchema).openapi({ description: "Every platform invoice, newest first" }),
    openInvoices: OpenInvoicesSchema,
    actions: z.array(OperatorActionSchema).openapi({ description: "The operators' actions on the studio, newest first (the latest 50)" }),
  })
  .openapi("OperatorStudioDetail");

export const SuspensionSchema = z.object({ id: z.string(), name: z.string(), pausedReason, pausedAt: z.string().nullable() }).openapi("StudioSuspension");

const sum = z.object({ count: z.number().int(), totalMinor: z.number().int() });

export const MonthInvoicesSchema = z
  .object({
    month: z.string(),
    totals: z.object({ currency: z.string(), invoiced: sum, paid: sum, open: sum, overdue: sum }).openapi({ description: "Over every invoice of the month" }),
    items: z.array(
      z.object({
        studioId: z.string(),
        studioName: z.string().nullable(),
        studioSlug: z.string().nullable(),
        pausedReason,
        number: z.string(),
        status: z.enum(["open", "paid"]),
        overdue: z.boolean(),
        currency: z.string(),
        totalMinor: z.number().int(),
        issuedOn: z.string(),
        graceEndsOn: z.string(),
        paidAt: z.string().nullable(),
        paidWith: z.string().nullable(),
        attempts: z.number().int(),
      }),
    ),
    nextCursor: z.string().nullable(),
  })
  .openapi("PlatformMonthInvoices");
