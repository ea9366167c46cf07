import { Hono } from "hono";
import { handle } from "hono/aws-lambda";
import openapi from "../docs/openapi.json";
import { renderReferencePage } from "../routes/reference-page";

/**
 * The API description: the generated document (docs/openapi.json, kept equal to the live one by
 * a test), so this Lambda needs none of the API's code.
 */
const app = new Hono().get("/v1/openapi.json", (c) => c.json(openapi)).get("/v1/reference", (c) => c.html(renderReferencePage(openapi as never)));

export const handler = handle(app);
