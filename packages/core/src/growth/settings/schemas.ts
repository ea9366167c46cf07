import { z } from "zod";
import { weeklyHoursSchema } from "../../scheduling";

const whole = (min: number, max: number) =>
  z.number({ invalid_type_error: "must be a number" }).int("must be a whole number").min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);
const minutes = whole(10, 240);
const money = whole(0, 10_000_000);

const distinctLengths = <T>(values: T[], length: (v: T) => number, ctx: z.RefinementCtx, field?: string) => {
  const seen = new Set<number>();
  values.forEach((value, index) => {
    if (seen.has(length(value))) ctx.addIssue({ code: z.ZodIssueCode.custom, path: field ? [index, field] : [index], message: "is listed twice" });
    seen.add(length(value));
  });
};

/** The whole of a studio's booking settings; replaces the previous ones. */
export const bookingSettingsSchema = z
  .object({
    trialsEnabled: z.boolean({ invalid_type_error: "must be true or false" }),
    trialLengths: z
      .array(minutes, { invalid_type_error: "must be a list of minutes" })
      .min(1, "must list at least one length")
      .max(4, "must list at most 4 lengths")
      .superRefine((v, ctx) => distinctLengths(v, (m) => m, ctx)),
    trialPriceMinor: money,
    minNoticeHours: whole(0, 24 * 14),
    horizonDays: whole(1, 90),
    lessonPrices: z
      .array(z.object({ minutes, priceMinor: money }).strict(), { invalid_type_error: "must be a list of lengths and prices" })
      .max(8, "must list at most 8 lessons")
      .superRefine((v, ctx) => distinctLengths(v, (p) => p.minutes, ctx, "minutes")),
    businessHours: weeklyHoursSchema,
  })
  .strict();
export type BookingSettingsInput = z.infer<typeof bookingSettingsSchema>;
