import "../bound-env";
import { handle } from "hono/aws-lambda";
import { createBaseApp } from "../http/app-factory";
import { mountTeaching } from "../route-groups/teaching";

/** Lesson notes, goals, lesson plans, practice logs and iCal feeds (see routing.ts). */
export const handler = handle(mountTeaching(createBaseApp()));
