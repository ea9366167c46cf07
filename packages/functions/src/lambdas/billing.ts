import "../bound-env";
import { handle } from "hono/aws-lambda";
import { createBaseApp } from "../http/app-factory";
import { mountBilling } from "../route-groups/billing";

/** Billing settings, fee plans, accounts, invoices, payments, billing runs (see routing.ts). */
export const handler = handle(mountBilling(createBaseApp()));
