import { z } from "@hono/zod-openapi";
import { InvoiceSchema, InvoiceSummarySchema, SentInvoiceSchema } from "@studiosync/core/billing";

export { InvoiceSchema, InvoiceSummarySchema, SentInvoiceSchema };

const nullable = z.string().nullable();

export const InvoiceViewSchema = z.union([InvoiceSchema, InvoiceSummarySchema]).openapi("InvoiceView", {
  description: "The full invoice; teachers get the summary (no lines, payments or history) of their students' invoices",
});

export const InvoicePageSchema = z.object({ items: z.array(InvoiceSummarySchema), nextCursor: nullable }).openapi("InvoicePage");
