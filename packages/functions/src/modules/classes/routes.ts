import { createRouter } from "../../http/router";
import { admissionRoutes } from "../../routes/admissions";
import { classSlotRoutes } from "../../routes/class-slots";
import { courseRoutes } from "../../routes/courses";
import { publicClassRoutes } from "../../routes/public-classes";

/** Courses, class slots, admissions, waitlists and their offers. Deployed as the classes Lambda. */
export const classesRoutes = createRouter()
  .route("/v1/studios", courseRoutes)
  .route("/v1/studios", classSlotRoutes)
  .route("/v1/studios", admissionRoutes)
  .route("/v1/public", publicClassRoutes);
