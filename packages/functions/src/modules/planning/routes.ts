import { createRouter } from "../../http/router";
import { recurringPatternRoutes } from "../../routes/recurring-patterns";

/**
 * Planning the timetable: recurring patterns and the lessons they make.
 * Deployed as the planning Lambda (routing.ts lists the paths API Gateway sends it).
 */
export const planningRoutes = createRouter().route("/v1/studios", recurringPatternRoutes);
