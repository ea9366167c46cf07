import { createRouter } from "../../http/router";
import { leadRoutes } from "../../routes/leads";
import { leadTaskRoutes } from "../../routes/lead-tasks";

/** Leads: the CRM (list, board, stages, funnel, tasks, merge, conversion). Deployed as the leads Lambda. */
export const leadsRoutes = createRouter().route("/v1/studios", leadRoutes).route("/v1/studios", leadTaskRoutes);
