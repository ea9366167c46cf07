import { createRouter } from "../../http/router";
import { threadRoutes } from "../../routes/threads";

/** Conversations: threads, messages, their files. Deployed as the messaging Lambda. */
export const messagingRoutes = createRouter().route("/v1/studios", threadRoutes);
