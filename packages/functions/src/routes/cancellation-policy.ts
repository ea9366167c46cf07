import { createRouter } from "../http/router";

export const cancellationPolicyRoutes = createRouter();
