import { OPENAPI_CONFIG } from "../docs/openapi-info";
import { createBaseApp } from "../http/app-factory";
import { MODULE_ROUTES } from "./index";
import type { ModuleName } from "./modules";

/** Every operation ("METHOD /path") of each API module, read from its routes' OpenAPI definitions. */
export function moduleOperations(): Record<ModuleName, string[]> {
  return Object.fromEntries(
    Object.entries(MODULE_ROUTES).map(([name, routes]) => {
      const { paths = {} } = createBaseApp().route("/", routes).getOpenAPI31Document(OPENAPI_CONFIG);
      return [name, Object.entries(paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`))];
    }),
  ) as Record<ModuleName, string[]>;
}
