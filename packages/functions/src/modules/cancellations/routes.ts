import { createRouter } from "../../http/router";
import { lessonCancellationRoutes } from "../../routes/lesson-cancellation";
import { makeupCreditRoutes } from "../../routes/makeup-credits";

/**
 * Cancellations: a lesson cancelled (its preview under the policy, the make-up credit it issues, the freed slot offered on), and make-up credits and their booking.
 * Deployed as the cancellations Lambda (routing.ts lists the paths API Gateway sends it).
 */
export const cancellationsRoutes = createRouter().route("/v1/studios", lessonCancellationRoutes).route("/v1/studios", makeupCreditRoutes);
