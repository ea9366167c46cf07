import { createRouter } from "../../http/router";
import { apiKeyRoutes } from "../../routes/api-keys";
import { domainRoutes } from "../../routes/domains";
import { platformBillingRoutes } from "../../routes/platform-billing";
import { publicDomainRoutes } from "../../routes/public-domains";
import { usageRoutes } from "../../routes/usage";
import { webhookEndpointRoutes } from "../../routes/webhook-endpoints";

/** Deployed as the hosting Lambda: the studio's usage, platform invoices and card, API keys, webhook endpoints and domains, and the host → studio lookup (and the site's hosting client: web/src/lib/api.ts). */
export const hostingRoutes = createRouter()
  .route("/v1/studios", usageRoutes)
  .route("/v1/studios", apiKeyRoutes)
  .route("/v1/studios", webhookEndpointRoutes)
  .route("/v1/studios", platformBillingRoutes)
  .route("/v1/studios", domainRoutes)
  .route("/v1/public", publicDomainRoutes);
