import { createRouter } from "../../http/router";
import { bookingSettingsRoutes } from "../../routes/booking-settings";

/** The public page's booking settings, for the workspace. Deployed as the page-settings Lambda (the public page's own Lambda stays free of the member checks). */
export const pageSettingsRoutes = createRouter().route("/v1/studios", bookingSettingsRoutes);
