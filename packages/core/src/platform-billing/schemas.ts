import { z } from "zod";
import { Money } from "../billing";

const { MAX_AMOUNT_MINOR } = Money;

export const spendingCapSchema = z
  .object({
    capMinor: z
      .number({ required_error: "is required (null for no cap)", invalid_type_error: "must be a number of cents, or null" })
      .int("must be a whole number of cents")
      .min(100, "must be at least 100 (1.00)")
      .max(MAX_AMOUNT_MINOR, `must be at most ${MAX_AMOUNT_MINOR}`)
      .nullable(),
  })
  .strict();
export type SpendingCapInput = z.infer<typeof spendingCapSchema>;

export const completeCardSetupSchema = z.object({ sessionId: z.string({ required_error: "is required" }).min(1, "is required").max(200) }).strict();
export type CompleteCardSetupInput = z.infer<typeof completeCardSetupSchema>;
