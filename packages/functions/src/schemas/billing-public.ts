import { z } from "@hono/zod-openapi";
import { PublicInvoiceSchema } from "@studiosync/core/billing";

export { PublicInvoiceSchema };

export const CheckoutStartSchema = z
  .object({
    url: z
      .string()
      .openapi({ description: "Stripe Checkout's payment page; send the visitor there", example: "https://checkout.stripe.com/c/pay/cs_test_a1b2c3" }),
  })
  .openapi("CheckoutStart");

export const StripeWebhookResultSchema = z
  .object({
    received: z.literal(true),
    outcome: z
      .enum(["recorded", "duplicate", "ignored"])
      .openapi({ description: "recorded: a payment was made; duplicate: this event id was processed before; ignored: not a paid Checkout Session" }),
    paymentId: z.string().nullable(),
  })
  .openapi("StripeWebhookResult");
