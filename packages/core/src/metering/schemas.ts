import { z } from "zod";
import { pageQuerySchema } from "../kernel/pagination/pagination";
import { USAGE_METRICS } from "./usage-mark.entity";
import { isMonth } from "./usage-month-of";

export const monthField = z.string().refine(isMonth, "must be a month, YYYY-MM");

export const usageMarksParamsSchema = z.object({
  month: monthField,
  metric: z.enum(USAGE_METRICS, { message: `must be one of ${USAGE_METRICS.join(", ")}` }),
});

export const usageMarksQuerySchema = pageQuerySchema;
