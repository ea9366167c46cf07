import { OpenAPIHono } from "@hono/zod-openapi";
import type { AuthEnv } from "./auth";
import { validationHook } from "./validation-hook";

/** A router whose validation failures answer 422 problems; every route module starts from it. */
export const createRouter = () => new OpenAPIHono<AuthEnv>({ defaultHook: validationHook });
