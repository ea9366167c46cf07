import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { AppError } from "@studiosync/core";
import { CATEGORIES, REASONS, type Reason } from "@studiosync/core/kernel";
import { describe, expect, it } from "vitest";
import { openApiJson } from "../../src/docs/generate";
import { HTTP_PROBLEM_CODES } from "../../src/http/problem-codes";
import { STATUS } from "../../src/http/problem";
import { ProblemSchema } from "../../src/schemas/problem";

const reasons = Object.keys(REASONS) as Reason[];
const dotted = reasons.filter((r) => r.includes("."));
const CORE_SRC = join(import.meta.dirname, "../../../core/src");
const sourcesOf = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourcesOf(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );

describe("the registry of error reasons", () => {
  it("gives every reason a category that answers with an HTTP status", () => {
    for (const reason of reasons) {
      expect(CATEGORIES, reason).toContain(REASONS[reason]);
      expect(STATUS[REASONS[reason]], reason).toBeGreaterThanOrEqual(400);
    }
    expect(Object.keys(STATUS).sort()).toEqual([...CATEGORIES].sort());
  });

  it("names the generic reasons after their category and every other one `area.reason`", () => {
    for (const category of CATEGORIES) expect(REASONS[category]).toBe(category);
    expect(reasons.filter((r) => !r.includes(".")).sort()).toEqual([...CATEGORIES].sort());
    for (const reason of dotted) expect(reason).toMatch(/^[a-z]+(_[a-z]+)*\.[a-z]+(_[a-z]+)*$/);
    expect(dotted.length).toBeGreaterThan(0);
  });

  it("is closed: an error carries its reason and its category's code, and an unknown reason does not compile", () => {
    const error = new AppError("invoice.already_sent", "An issued invoice cannot be edited");
    expect({ reason: error.reason, code: error.code }).toEqual({ reason: "invoice.already_sent", code: "conflict" });
    // @ts-expect-error: not a reason of the registry
    expect(new AppError("invoice.no_such_reason", "x").code).toBeUndefined();
  });

  it("holds no reason that core never throws", () => {
    const source = sourcesOf(CORE_SRC)
      .filter((f) => !f.endsWith("reasons.ts"))
      .map((f) => readFileSync(f, "utf8"))
      .join("\n");
    expect(dotted.filter((reason) => !source.includes(`"${reason}"`))).toEqual([]);
  });
});

describe("the OpenAPI Problem schema", () => {
  const expected = [...reasons, ...HTTP_PROBLEM_CODES];

  // The committed openapi.json equals the live document (lambda-routing.test.ts).
  it("lists exactly the registry's reasons (and the HTTP layer's own codes) as `code`", () => {
    expect(ProblemSchema.shape.code.options).toEqual(expected);
    const doc = JSON.parse(openApiJson()) as { components: { schemas: { Problem: { properties: { code: { enum: string[] } } } } } };
    expect(doc.components.schemas.Problem.properties.code.enum).toEqual(expected);
  });
});
