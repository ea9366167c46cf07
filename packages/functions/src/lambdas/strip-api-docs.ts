import { readFile } from "node:fs/promises";
import ts from "typescript";

/** Route properties that only document the operation (the OpenAPI document is built elsewhere). */
const DOC_ONLY_ROUTE_PROPERTIES = new Set(["responses", "summary", "description", "tags"]);

interface Edit {
  start: number;
  end: number;
}

const isDocArgument = (arg: ts.Expression) => ts.isStringLiteralLike(arg) || ts.isObjectLiteralExpression(arg);

/**
 * `schema.openapi("Name")` / `schema.openapi({ description })` / `schema.openapi("Name", { … })`: zod's
 * documentation call, which the Lambdas' zod-to-openapi stub answers with the schema itself. Not
 * `app.openapi(route, handler)`, which registers a route.
 */
function isSchemaDocCall(node: ts.Node): node is ts.CallExpression & { expression: ts.PropertyAccessExpression } {
  return (
    ts.isCallExpression(node) &&
    ts.isPropertyAccessExpression(node.expression) &&
    node.expression.name.text === "openapi" &&
    node.arguments.length > 0 &&
    node.arguments.length <= 2 &&
    node.arguments.every(isDocArgument)
  );
}

/** The end of a property with the comma after it, if any. */
function afterComma(source: string, end: number): number {
  const next = source.slice(end).search(/\S/);
  return next >= 0 && source[end + next] === "," ? end + next + 1 : end;
}

const isCreateRoute = (node: ts.Node): node is ts.CallExpression =>
  ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "createRoute";

/** The source without its OpenAPI documentation: what a Lambda runs is the same, only smaller. */
export function stripApiDocs(source: string, fileName: string): string {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits: Edit[] = [];
  const visit = (node: ts.Node): void => {
    if (isSchemaDocCall(node)) {
      edits.push({ start: node.expression.expression.end, end: node.end });
      return visit(node.expression.expression);
    }
    if (isCreateRoute(node) && node.arguments[0] && ts.isObjectLiteralExpression(node.arguments[0])) {
      for (const property of node.arguments[0].properties) {
        const name = property.name && ts.isIdentifier(property.name) ? property.name.text : undefined;
        if (name && DOC_ONLY_ROUTE_PROPERTIES.has(name)) edits.push({ start: property.getStart(file), end: afterComma(source, property.end) });
        else ts.forEachChild(property, visit);
      }
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let out = source;
  for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + out.slice(edit.end);
  return out;
}

/** The part of esbuild's plugin API used here: the same in each esbuild version the repo bundles with (SST's and the bench's). */
export interface LoadHooks {
  onLoad(options: { filter: RegExp }, load: (args: { path: string }) => Promise<{ contents: string; loader: "ts" } | undefined>): void;
}

/**
 * Drops the OpenAPI documentation (route responses, summaries, schema descriptions and examples)
 * from the API Lambdas' bundles: no Lambda builds the document (the docs Lambda serves the one
 * generated with it), so it is dead weight on every cold start. lambda-bundles.test.ts runs the
 * bundles as built.
 */
export function loadWithoutApiDocs(build: LoadHooks): void {
  build.onLoad({ filter: /[\\/]packages[\\/](functions|core)[\\/]src[\\/].*\.ts$/ }, async (args) => {
    const source = await readFile(args.path, "utf8");
    if (!source.includes(".openapi(") && !source.includes("createRoute(")) return undefined;
    return { contents: stripApiDocs(source, args.path), loader: "ts" };
  });
}
