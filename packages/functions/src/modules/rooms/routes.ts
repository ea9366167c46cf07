import { createRouter } from "../../http/router";
import { roomRoutes } from "../../routes/rooms";

/** The studio's rooms and their reservations. Deployed as the rooms Lambda. */
export const roomsRoutes = createRouter().route("/v1/studios", roomRoutes);
