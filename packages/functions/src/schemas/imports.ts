import { z } from "@hono/zod-openapi";

export const ImportReportSchema = z
  .object({
    kind: z.enum(["students", "families"]),
    dryRun: z.boolean(),
    created: z.number().int().openapi({ description: "Rows created (in a dry run: rows that would be created)" }),
    skipped: z.number().int().openapi({ description: "Rows an earlier import, or an identical earlier row of this file, created" }),
    failed: z.number().int(),
    rows: z.array(
      z.object({
        row: z.number().int().openapi({ description: "Data row number from 1 (header and blank lines not counted)", example: 1 }),
        status: z.enum(["created", "skipped", "failed"]),
        id: z.string().optional().openapi({ description: "The record created, or the one a skipped row matches (absent in a dry run)" }),
        errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
      }),
    ),
  })
  .openapi("ImportReport");
