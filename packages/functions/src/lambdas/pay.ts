import "../bound-env";
import { handle } from "hono/aws-lambda";
import { createBaseApp } from "../http/app-factory";
import { mountPay } from "../route-groups/pay";

/** The public invoice page's API, Stripe Checkout and the Stripe webhook (see routing.ts). */
export const handler = handle(mountPay(createBaseApp()));
