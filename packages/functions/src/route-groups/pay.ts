import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Env, Schema } from "hono";
import { publicInvoiceRoutes } from "../routes/public-invoices";
import { stripeWebhookRoutes } from "../routes/stripe-webhook";

/**
 * Paying without signing in: the public invoice behind an emailed link, its Stripe Checkout, and
 * Stripe's webhook. Deployed as the pay Lambda (the only one carrying the Stripe library).
 */
export const mountPay = <E extends Env, S extends Schema, B extends string>(app: OpenAPIHono<E, S, B>) =>
  app.route("/v1/public", publicInvoiceRoutes).route("/v1/webhooks", stripeWebhookRoutes);
