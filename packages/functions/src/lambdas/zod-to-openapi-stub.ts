import type { ZodType } from "zod";

/**
 * Stands in for `@asteasolutions/zod-to-openapi` (23 KB) in the Lambda bundles. @hono/zod-openapi
 * uses it to record every route for the OpenAPI document and to give zod schemas `.openapi()`,
 * which only attaches documentation. No Lambda builds the document (the docs Lambda serves
 * docs/openapi.json, made by the real library), so here the registry records nothing, `.openapi()`
 * answers the schema itself, and the generators refuse. lambda-bundles.test.ts runs the bundles.
 */
export function extendZodWithOpenApi(zod: { ZodType: typeof ZodType }): void {
  const prototype: { openapi?: unknown } = zod.ZodType.prototype;
  prototype.openapi ??= function (this: ZodType) {
    return this;
  };
}

export class OpenAPIRegistry {
  readonly definitions: never[] = [];
  register<T>(_refId: string, schema: T): T {
    return schema;
  }
  registerParameter<T>(_refId: string, schema: T): T {
    return schema;
  }
  registerPath(): void {}
  registerWebhook(): void {}
  registerComponent(type: string, name: string) {
    return { name, ref: { $ref: `#/components/${type}/${name}` } };
  }
}

class NoDocument {
  generateDocument(): never {
    throw new Error("The Lambda bundles do not build the OpenAPI document (see zod-to-openapi-stub.ts)");
  }
}
export { NoDocument as OpenApiGeneratorV3, NoDocument as OpenApiGeneratorV31 };
