import { z } from "@hono/zod-openapi";

export const PrivacyExportSchema = z
  .object({
    exportId: z.string(),
    expiresAt: z.string().openapi({ description: "When the emailed download link stops working (24 hours)" }),
  })
  .openapi("PrivacyExport");

export const ErasureSchema = z
  .object({
    subject: z.object({ type: z.enum(["student", "teacher", "guardian"]), id: z.string(), familyId: z.string().optional() }),
    firstName: z.string().openapi({ example: "Erased" }),
    lastName: z.string().openapi({ example: "Person" }),
    erasedFields: z.array(z.string()).openapi({ description: "The fields this request changed; empty when already erased" }),
    erasedAt: z.string(),
  })
  .openapi("Erasure");
