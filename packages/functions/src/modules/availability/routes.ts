import { createRouter } from "../../http/router";
import { availabilityRoutes } from "../../routes/availability";
import { freeSlotRoutes } from "../../routes/free-slots";
import { rescheduleRequestRoutes } from "../../routes/reschedule-requests";

/**
 * Availability: teachers' working hours, the free slots they leave, and families' requests to move a lesson into one.
 * Deployed as the availability Lambda (routing.ts lists the paths API Gateway sends it).
 */
export const availabilityModuleRoutes = createRouter()
  .route("/v1/studios", availabilityRoutes)
  .route("/v1/studios", freeSlotRoutes)
  .route("/v1/studios", rescheduleRequestRoutes);
