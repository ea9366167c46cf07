import "../bound-env";
import { handle } from "hono/aws-lambda";
import { createBaseApp } from "../http/app-factory";
import { mountAccess } from "../route-groups/access";

/** Members, invitations, access requests, audit, email delivery, privacy (see routing.ts for its paths). */
export const handler = handle(mountAccess(createBaseApp()));
