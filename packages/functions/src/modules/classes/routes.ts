import { createRouter } from "../../http/router";
import { admissionRoutes } from "../../routes/admissions";
import { classSlotRoutes } from "../../routes/class-slots";

/** Class slots, their rosters, waitlists and attendance, and admissions. Deployed as the classes Lambda. */
export const classesRoutes = createRouter().route("/v1/studios", classSlotRoutes).route("/v1/studios", admissionRoutes);
