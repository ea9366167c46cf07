import { createRouter } from "../../http/router";
import { accessRequestRoutes } from "../../routes/access-requests";
import { auditEventRoutes } from "../../routes/audit-events";
import { emailDeliveryRoutes } from "../../routes/email-delivery";
import { invitationRoutes } from "../../routes/invitations";
import { memberRoutes } from "../../routes/members";
import { publicAccessRequestRoutes } from "../../routes/public-access-requests";
import { publicInvitationRoutes } from "../../routes/public-invitations";

/**
 * Access and records: members, invitations, access requests, the audit log and email delivery.
 * Deployed as the access Lambda (routing.ts lists the paths API Gateway sends it).
 */
export const accessRoutes = createRouter()
  .route("/v1/studios", memberRoutes)
  .route("/v1/studios", invitationRoutes)
  .route("/v1/studios", accessRequestRoutes)
  .route("/v1/studios", auditEventRoutes)
  .route("/v1/studios", emailDeliveryRoutes)
  .route("/v1/public", publicInvitationRoutes)
  .route("/v1/public", publicAccessRequestRoutes);
