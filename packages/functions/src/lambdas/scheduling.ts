import "../bound-env";
import { handle } from "hono/aws-lambda";
import { createBaseApp } from "../http/app-factory";
import { mountScheduling } from "../route-groups/scheduling";

/** Lessons, patterns, availability, closures, free slots, cancellations, make-ups, reschedules (see routing.ts). */
export const handler = handle(mountScheduling(createBaseApp()));
