import { describe, expect, it } from "vitest";
import { stripApiDocs } from "../../src/lambdas/strip-api-docs";

const squash = (text: string) => text.replace(/\s+/g, " ").trim();

describe("stripApiDocs (the Lambdas' bundles drop the OpenAPI documentation)", () => {
  it("drops zod's documentation calls and keeps the schema", () => {
    const source = `const A = z.object({ id: z.string().openapi({ example: "x" }) }).openapi("A");
const B = z.string().openapi("B", { description: "b" });`;
    expect(squash(stripApiDocs(source, "a.ts"))).toBe(squash(`const A = z.object({ id: z.string() });\nconst B = z.string();`));
  });

  it("drops a route's responses, summary, description and tags, and keeps what the Lambda runs", () => {
    const source = `const route = createRoute({
  method: "get",
  path: "/{id}",
  summary: "Reads one",
  tags: ["Things"],
  request: { params: z.object({ id: z.string().openapi({ description: "its id" }) }) },
  responses: { 200: { description: "The thing", content: { "application/json": { schema: ThingSchema } } } },
  middleware: [auth],
});`;
    expect(squash(stripApiDocs(source, "r.ts"))).toBe(
      squash(`const route = createRoute({ method: "get", path: "/{id}", request: { params: z.object({ id: z.string() }) }, middleware: [auth], });`),
    );
  });

  it("keeps the app's route registrations, whose second argument is the handler", () => {
    const source = `export const routes = createRouter().openapi(route, async (c) => c.json({ ok: true }), hook);`;
    expect(stripApiDocs(source, "r.ts")).toBe(source);
  });
});
