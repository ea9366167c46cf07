import { createRouter } from "../../http/router";
import { bookingSettingsRoutes } from "../../routes/booking-settings";
import { publicGrowthRoutes } from "../../routes/public-growth";

/** The public page's offerings, teacher pages, trial bookings and enquiries, and the booking settings. Deployed as the growth Lambda. */
export const growthRoutes = createRouter().route("/v1/studios", bookingSettingsRoutes).route("/v1/public", publicGrowthRoutes);
