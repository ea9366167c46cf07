import type { OpenAPIHono } from "@hono/zod-openapi";
import { handle } from "hono/aws-lambda";
import { createBaseApp } from "../http/app-factory";
import type { AuthEnv } from "../http/auth";

/** A Lambda handler serving one API module on the shared base app (ids, limits, problems). */
export const lambdaHandler = (routes: OpenAPIHono<AuthEnv, any, any>) => handle(createBaseApp().route("/", routes));
