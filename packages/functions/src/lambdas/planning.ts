import "../bound-env";
import { handle } from "hono/aws-lambda";
import { createBaseApp } from "../http/app-factory";
import { mountPlanning } from "../route-groups/planning";

/** Recurring patterns, working hours, free slots, closures, the cancellation policy (see routing.ts). */
export const handler = handle(mountPlanning(createBaseApp()));
