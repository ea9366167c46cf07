import { studioAreas, type ApiModule } from "../module";

/** The access module (its operations: routes.ts). */
export const accessModule = {
  name: "access",
  routeKeys: [
    ...studioAreas("members", "invitations", "access-requests", "audit-events", "email-delivery"),
    "ANY /v1/public/studios/{slug}/access-requests",
    "ANY /v1/public/invitations/{proxy+}",
  ],
} as const satisfies ApiModule;
