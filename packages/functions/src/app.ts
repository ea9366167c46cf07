import type { Clock } from "@studiosync/core/clock";
import { OPENAPI_CONFIG } from "./docs/openapi-info";
import { createBaseApp } from "./http/app-factory";
import { mountAccess } from "./route-groups/access";
import { mountBilling } from "./route-groups/billing";
import { mountPay } from "./route-groups/pay";
import { mountPeople } from "./route-groups/people";
import { mountPlanning } from "./route-groups/planning";
import { mountPlatform } from "./route-groups/platform";
import { mountScheduling } from "./route-groups/scheduling";
import { mountTeaching } from "./route-groups/teaching";
import { renderReferencePage } from "./routes/reference-page";

/**
 * The whole API in one app, with its live OpenAPI document: what `npm start`, the tests, the bench
 * and the typed client in web/ use. On AWS the same route groups run as separate Lambdas. Tests may
 * set its clock (createBaseApp).
 */
export function createApp(options: { clock?: Clock } = {}) {
  const app = mountPay(mountBilling(mountTeaching(mountPlanning(mountScheduling(mountAccess(mountPeople(mountPlatform(createBaseApp(options)))))))));
  app.doc31("/v1/openapi.json", OPENAPI_CONFIG);
  app.get("/v1/reference", (c) => c.html(renderReferencePage(app.getOpenAPI31Document(OPENAPI_CONFIG) as never)));
  app.get("/", (c) => c.redirect("/v1/reference"));
  return app;
}

export type AppType = ReturnType<typeof createApp>;
