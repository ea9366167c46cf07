import { createRoute, z } from "@hono/zod-openapi";
import * as Billing from "@studiosync/core/billing";
import { pathId, secured, studioParams } from "../http/route-params";
import { createRouter } from "../http/router";
import { jsonResponse, problems } from "../schemas/problem";

const InvoicePayLinkSchema = z
  .object({
    token: z.string().openapi({ description: "The public invoice page's token (as in the emailed link)" }),
    url: z.string().openapi({
      description: "The public invoice page, where the balance is paid by card",
      example: "https://studiosync.example.com/riverside/invoices/eyJ…",
    }),
    expiresAt: z.string().openapi({ description: "When the link stops opening the page" }),
  })
  .openapi("InvoicePayLink");

const getPayLink = createRoute({
  method: "get",
  path: "/{studioId}/invoices/{invoiceId}/pay-link",
  tags: ["Invoices"],
  summary: "The invoice's public page link, to pay it by card (admins; the account's own family or student)",
  description:
    "A fresh link of the kind the invoice email carries, for a signed-in family to pay from the portal. Drafts: 404 for families, " +
    "409 for admins; a teacher (summary access): 403.",
  ...secured,
  request: { params: studioParams.extend({ invoiceId: pathId("invoiceId") }) },
  responses: { 200: jsonResponse(InvoicePayLinkSchema, "The link"), ...problems(401, 403, 404, 409) },
});

export const invoicePayLinkRoutes = createRouter().openapi(getPayLink, async (c) => {
  const { studioId, invoiceId } = c.req.valid("param");
  return c.json(await Billing.invoicePayLink(c.get("actor"), studioId, invoiceId), 200);
});
