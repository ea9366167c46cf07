import { createRouter } from "../../http/router";
import { courseRoutes } from "../../routes/courses";
import { publicClassRoutes } from "../../routes/public-classes";

/** Courses and their plans, the public courses, and the waitlist offers' links. Deployed as the courses Lambda. */
export const coursesRoutes = createRouter().route("/v1/studios", courseRoutes).route("/v1/public", publicClassRoutes);
