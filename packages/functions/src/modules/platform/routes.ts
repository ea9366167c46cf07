import { createRouter } from "../../http/router";
import { authRoutes } from "../../routes/auth";
import { meRoutes } from "../../routes/me";
import { myNotificationRoutes } from "../../routes/my-notifications";
import { myPreferenceRoutes } from "../../routes/my-preferences";
import { publicUnsubscribeRoutes } from "../../routes/public-unsubscribe";
import { publicRoutes } from "../../routes/public";
import { studioRoutes } from "../../routes/studios";

/**
 * Accounts and studios: sign-up, sessions, the account's settings, the studio's settings and public
 * page, and mail preferences (per type and channel, and one-click unsubscribe). Deployed as the
 * platform Lambda (its own file, so the bundle carries no other module's routes).
 */
export const platformRoutes = createRouter()
  .route("/v1/auth", authRoutes)
  .route("/v1/me", meRoutes)
  .route("/v1/me", myPreferenceRoutes)
  .route("/v1/studios", studioRoutes)
  .route("/v1/studios", myNotificationRoutes)
  .route("/v1/public", publicRoutes)
  .route("/v1/public", publicUnsubscribeRoutes);
