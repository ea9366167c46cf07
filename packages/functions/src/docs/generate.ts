import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createApp } from "../app";
import { OPENAPI_CONFIG } from "./openapi-info";

/** The API's OpenAPI document as JSON text, exactly as docs/openapi.json should hold it. */
export function openApiJson(): string {
  return `${JSON.stringify(createApp().getOpenAPI31Document(OPENAPI_CONFIG), null, 2)}\n`;
}

// `npm run generate:openapi` rewrites docs/openapi.json (the docs Lambda serves it).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(fileURLToPath(new URL("./openapi.json", import.meta.url)), openApiJson());
  console.log("wrote packages/functions/src/docs/openapi.json");
}
