import { createRouter } from "../../http/router";
import { announcementRoutes } from "../../routes/announcements";

/** Announcements. Deployed as the announcements Lambda; the site reaches them through the conversations' typed client. */
export const announcementsRoutes = createRouter().route("/v1/studios", announcementRoutes);
