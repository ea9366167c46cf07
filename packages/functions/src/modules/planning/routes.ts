import { createRouter } from "../../http/router";
import { availabilityRoutes } from "../../routes/availability";
import { cancellationPolicyRoutes } from "../../routes/cancellation-policy";
import { closureRoutes } from "../../routes/closures";
import { freeSlotRoutes } from "../../routes/free-slots";
import { recurringPatternRoutes } from "../../routes/recurring-patterns";

/**
 * Planning the timetable: recurring patterns, teachers' working hours, free slots, closures and the
 * cancellation policy. Deployed as the planning Lambda (routing.ts lists its paths).
 */
export const planningRoutes = createRouter()
  .route("/v1/studios", recurringPatternRoutes)
  .route("/v1/studios", availabilityRoutes)
  .route("/v1/studios", freeSlotRoutes)
  .route("/v1/studios", closureRoutes)
  .route("/v1/studios", cancellationPolicyRoutes);
