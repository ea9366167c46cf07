import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { openApiJson } from "../../src/docs/generate";
import { OPENAPI_CONFIG } from "../../src/docs/openapi-info";
import { ROUTE_KEYS } from "../../src/lambdas/routing";
import { moduleOperations } from "../../src/modules/operations";

type Doc = { paths: Record<string, Record<string, unknown>> };
const operationsOf = (app: { getOpenAPI31Document: (c: typeof OPENAPI_CONFIG) => unknown }) =>
  Object.entries((app.getOpenAPI31Document(OPENAPI_CONFIG) as Doc).paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
  );

/** API Gateway's matching of a route key ("ANY /a/{id}/b/{proxy+}") against a concrete path. */
function matches(routeKey: string, method: string, path: string): boolean {
  const [keyMethod, keyPath] = routeKey.split(" ") as [string, string];
  if (keyMethod !== "ANY" && keyMethod !== method) return false;
  const pattern = keyPath
    .split("/")
    .map((part) => (part === "{proxy+}" ? ".+" : /^\{.+\}$/.test(part) ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("/");
  return new RegExp(`^${pattern}$`).test(path);
}

/** How specific a route key is: API Gateway prefers a full match to a greedy {proxy+}, then the longer literal prefix. */
const specificity = (routeKey: string) => {
  const path = routeKey.split(" ")[1]!;
  return (path.includes("{proxy+}") ? 0 : 10_000) + path.replace("{proxy+}", "").length;
};

/** The Lambda API Gateway sends a request to: the one with the most specific matching route key, else the platform. */
function lambdaFor(method: string, path: string): string {
  const found = Object.entries(ROUTE_KEYS)
    .flatMap(([lambda, keys]) => keys.filter((key) => matches(key, method, path)).map((key) => ({ lambda, key })))
    .sort((a, b) => specificity(b.key) - specificity(a.key));
  const best = found[0];
  if (best && found[1]) expect(specificity(found[1].key), `${best.key} vs ${found[1].key}`).toBeLessThan(specificity(best.key));
  return best?.lambda ?? "platform";
}

describe("one API, a Lambda per API module", () => {
  const apps: Record<string, Set<string>> = Object.fromEntries(Object.entries(moduleOperations()).map(([name, ops]) => [name, new Set(ops)]));
  const all = operationsOf(createApp());

  it("sends every operation to the Lambda whose app serves it", () => {
    const misrouted = all.filter((op) => {
      const [method, path] = op.split(" ") as [string, string];
      return !apps[lambdaFor(method, path.replace(/\{[^}]+\}/g, "x"))]?.has(op);
    });
    expect(misrouted).toEqual([]);
    expect(Object.values(apps).reduce((n, ops) => n + ops.size, 0)).toBe(all.length);
  });

  it("sends a lesson's notes to the teaching Lambda, its cancellation to cancellations and the lesson itself to scheduling", () => {
    expect(lambdaFor("GET", "/v1/studios/x/lessons/x/notes")).toBe("teaching");
    expect(lambdaFor("PATCH", "/v1/studios/x/lessons/x/notes/x")).toBe("teaching");
    expect(lambdaFor("POST", "/v1/studios/x/lessons/x/cancel")).toBe("cancellations");
    expect(lambdaFor("PATCH", "/v1/studios/x/lessons/x")).toBe("scheduling");
    expect(lambdaFor("GET", "/v1/calendar/abc.ics")).toBe("teaching");
  });

  it("routes the API description to the docs Lambda", () => {
    expect(lambdaFor("GET", "/v1/openapi.json")).toBe("docs");
    expect(lambdaFor("GET", "/v1/reference")).toBe("docs");
  });

  it("serves a committed OpenAPI document equal to the live one (run `npm run generate:openapi` after changing routes)", () => {
    const committed = readFileSync(new URL("../../src/docs/openapi.json", import.meta.url), "utf8");
    expect(committed).toBe(openApiJson());
  });
});
