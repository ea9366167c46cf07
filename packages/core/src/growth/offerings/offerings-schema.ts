import { z } from "../../kernel/schema/openapi-zod";
import { PublicCourseSchema } from "../../classes";
import { PublicTeacherSchema } from "../../people";
import { PublicStudioSchema } from "../../studios";

const WorkingRange = z.object({ weekday: z.number().int(), start: z.string(), end: z.string() });

export const LessonPriceSchema = z.object({ minutes: z.number().int(), priceMinor: z.number().int() }).openapi("LessonPrice");

export const TrialOfferSchema = z
  .object({
    enabled: z.boolean(),
    lengths: z.array(z.number().int()),
    priceMinor: z.number().int().openapi({ description: "0 when trials are free" }),
    minNoticeHours: z.number().int(),
    horizonDays: z.number().int(),
  })
  .openapi("TrialOffer");

export const BookingSettingsSchema = z
  .object({
    trialsEnabled: z.boolean(),
    trialLengths: z.array(z.number().int()),
    trialPriceMinor: z.number().int(),
    minNoticeHours: z.number().int(),
    horizonDays: z.number().int(),
    lessonPrices: z.array(LessonPriceSchema),
    businessHours: z.array(WorkingRange),
  })
  .openapi("BookingSettings");

/** A public teacher as the studio page lists them, with whether trials can be booked with them. */
export const OfferedTeacherSchema = PublicTeacherSchema.extend({ takesTrials: z.boolean() }).openapi("OfferedTeacher");

const PublicStudioFields = PublicStudioSchema;

export const OfferingsSchema = z
  .object({
    studio: PublicStudioFields,
    currency: z.string(),
    teachers: z.array(OfferedTeacherSchema),
    instruments: z.array(z.string()).openapi({ description: "Everything the studio's public teachers teach, by name" }),
    lessonPrices: z.array(LessonPriceSchema),
    trial: TrialOfferSchema,
    businessHours: z.array(WorkingRange),
    courses: z.array(PublicCourseSchema).openapi({ description: "Group courses with their weekly classes, ages, plans and seats left" }),
  })
  .openapi("Offerings");

export const TrialSlotSchema = z
  .object({
    start: z.string(),
    end: z.string(),
    local: z.object({ date: z.string(), startTime: z.string(), endTime: z.string(), timeZone: z.string() }),
  })
  .openapi("TrialSlot");

export const PublicTeacherPageSchema = z
  .object({
    studio: PublicStudioFields,
    currency: z.string(),
    teacher: OfferedTeacherSchema,
    lessonPrices: z.array(LessonPriceSchema),
    trial: TrialOfferSchema,
    durationMinutes: z.number().int().openapi({ description: "The trial length the slots are for" }),
    slots: z.array(TrialSlotSchema).openapi({ description: "Free trial slots over the next 14 days, within the notice and horizon" }),
  })
  .openapi("PublicTeacherPage");
