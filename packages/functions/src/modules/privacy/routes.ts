import { createRouter } from "../../http/router";
import { privacyRoutes } from "../../routes/privacy";
import { publicPrivacyExportRoutes } from "../../routes/public-privacy-exports";

/**
 * Privacy: exporting everything the studio holds about a person (and the export's signed link),
 * and erasing it. Deployed as the privacy Lambda (routing.ts lists its paths).
 */
export const privacyModuleRoutes = createRouter().route("/v1/studios", privacyRoutes).route("/v1/public", publicPrivacyExportRoutes);
