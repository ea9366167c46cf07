import { createRouter } from "../../http/router";
import { cancellationPolicyRoutes } from "../../routes/cancellation-policy";
import { closureRoutes } from "../../routes/closures";

/**
 * Closures and the cancellation policy: the studio's rules for days without lessons and for lessons cancelled.
 * Deployed as the closures Lambda (routing.ts lists the paths API Gateway sends it).
 */
export const closuresRoutes = createRouter().route("/v1/studios", closureRoutes).route("/v1/studios", cancellationPolicyRoutes);
