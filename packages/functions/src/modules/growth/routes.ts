import { createRouter } from "../../http/router";
import { publicGrowthRoutes } from "../../routes/public-growth";

/** The public page's offerings, teacher pages, trial bookings and enquiries. Deployed as the growth Lambda. */
export const growthRoutes = createRouter().route("/v1/public", publicGrowthRoutes);
