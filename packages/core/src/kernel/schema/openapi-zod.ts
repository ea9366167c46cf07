import { extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";

/**
 * zod with `.openapi()`: the read models' response schemas (the `*-schema.ts` files beside their
 * mappers) carry their OpenAPI names, descriptions and examples, and functions builds the API's
 * document from them. The Lambda bundles alias `@asteasolutions/zod-to-openapi` to a stub whose
 * `.openapi()` only answers the schema (functions/src/lambdas/zod-to-openapi-stub.ts), so
 * this costs them nothing. Core's package.json lists this file under "sideEffects": the extension
 * must run before any schema is built.
 */
extendZodWithOpenApi(z);

export { z };
