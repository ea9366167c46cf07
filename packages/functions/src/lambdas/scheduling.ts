import "../bound-env";
import { handle } from "hono/aws-lambda";
import { createBaseApp } from "../http/app-factory";
import { mountScheduling } from "../route-groups/scheduling";

/** Lessons and calendars, cancellations, attendance, make-up credits, reschedule requests (see routing.ts). */
export const handler = handle(mountScheduling(createBaseApp()));
