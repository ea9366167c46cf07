import type { CoreModule } from "../kernel/core-module";
import { WebhookDeliveryEntity } from "./webhook-delivery.entity";
import { WebhookEndpointEntity } from "./webhook-endpoint.entity";

export * from "./webhook-delivery.entity";
export * from "./webhook-endpoint.entity";

/** The webhooks module's declaration: a studio's endpoints, and each event's delivery to each of them. */
export const webhooksModule = {
  name: "webhooks",
  entities: { webhookEndpoint: WebhookEndpointEntity, webhookDelivery: WebhookDeliveryEntity },
} as const satisfies CoreModule;
