import { z } from "@hono/zod-openapi";

/** One data row's outcome in an import's report. */
export const ImportRowSchema = z.object({
  row: z.number().int().openapi({ description: "Data row number from 1 (header and blank lines not counted)", example: 1 }),
  status: z.enum(["created", "skipped", "failed"]),
  id: z.string().optional().openapi({ description: "The record created, or the one a skipped row matches (absent in a dry run)" }),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});

/** An import's report: the counts, and each row's outcome (`kind`: the kinds it reports, `row`: the kind's row schema). */
export const importReportSchema = <K extends z.ZodTypeAny, R extends z.ZodTypeAny>(kind: K, row: R) =>
  z.object({
    kind,
    dryRun: z.boolean(),
    created: z.number().int().openapi({ description: "Rows created (in a dry run: rows that would be created)" }),
    skipped: z.number().int().openapi({ description: "Rows an earlier import, or an identical earlier row of this file, created" }),
    failed: z.number().int(),
    rows: z.array(row),
  });

export const ImportReportSchema = importReportSchema(z.enum(["students", "families"]), ImportRowSchema).openapi("ImportReport");
