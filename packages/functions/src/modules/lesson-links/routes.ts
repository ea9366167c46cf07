import { createRouter } from "../../http/router";
import { publicLessonLinkRoutes } from "../../routes/public-lesson-links";

/**
 * Lesson links: what the signed links of lesson emails do without signing in (cancel, move, claim a freed slot, book a make-up).
 * Deployed as the lesson-links Lambda (routing.ts lists the paths API Gateway sends it).
 */
export const lessonLinksRoutes = createRouter().route("/v1/public", publicLessonLinkRoutes);
