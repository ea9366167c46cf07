import { createRouter } from "../../http/router";
import { bandRoutes } from "../../routes/bands";
import { familyRoutes } from "../../routes/families";
import { importRoutes } from "../../routes/imports";
import { studentRoutes } from "../../routes/students";
import { publicTeacherRoutes, teacherRoutes } from "../../routes/teachers";

/**
 * People: teachers, students, families with guardians, bands, and their CSV import. Deployed as the people Lambda
 * (routing.ts lists the paths API Gateway sends it).
 */
export const peopleRoutes = createRouter()
  .route("/v1/studios", teacherRoutes)
  .route("/v1/studios", studentRoutes)
  .route("/v1/studios", familyRoutes)
  .route("/v1/studios", bandRoutes)
  .route("/v1/studios", importRoutes)
  .route("/v1/public", publicTeacherRoutes);
