import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createApp } from "../app";
import { OPENAPI_CONFIG } from "./openapi-info";

const sortedKeys = <T>(record: Record<string, T>): Record<string, T> => Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)));

/**
 * The API's OpenAPI document as JSON text, exactly as docs/openapi.json should hold it: paths and
 * schemas in name order, so the order modules are mounted in does not change it.
 */
export function openApiJson(): string {
  const doc = createApp().getOpenAPI31Document(OPENAPI_CONFIG);
  const components = doc.components?.schemas ? { ...doc.components, schemas: sortedKeys(doc.components.schemas) } : doc.components;
  return `${JSON.stringify({ ...doc, paths: doc.paths && sortedKeys(doc.paths), components }, null, 2)}\n`;
}

// `npm run generate:openapi` rewrites docs/openapi.json (the docs Lambda serves it).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(fileURLToPath(new URL("./openapi.json", import.meta.url)), openApiJson());
  console.log("wrote packages/functions/src/docs/openapi.json");
}
