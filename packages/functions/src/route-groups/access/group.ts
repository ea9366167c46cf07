import { studioAreas, type RouteGroup } from "../group";

/** The access Lambda (its operations: routes.ts). */
export const accessGroup = {
  name: "access",
  routeKeys: [
    ...studioAreas("members", "invitations", "access-requests", "audit-events", "email-delivery", "privacy"),
    "ANY /v1/public/studios/{slug}/access-requests",
    "ANY /v1/public/invitations/{proxy+}",
    "ANY /v1/public/privacy-exports/{proxy+}",
  ],
} as const satisfies RouteGroup;
