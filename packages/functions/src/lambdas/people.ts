import "../bound-env";
import { handle } from "hono/aws-lambda";
import { createBaseApp } from "../http/app-factory";
import { mountPeople } from "../route-groups/people";

/** Teachers, students, families, bands, imports (see routing.ts for the paths API Gateway sends here). */
export const handler = handle(mountPeople(createBaseApp()));
