export { cancelLesson, cancellingAs, assertCancellable } from "./cancel-lesson";
export { previewCancellation, type CancellationPreview } from "./preview-cancellation";
export { CancellationPreviewSchema } from "./cancellation-preview-schema";
export { cancelLessonSchema, type CancelLessonInput } from "./schemas";
export { decideCancellation, type CancellationDecision, type CancellationFacts, type CancelledBy } from "./cancellation-outcome";
export { planCancellation, cancellationWrites, cancellationItemBound, type PlannedCancellation, type CancelRequest } from "./plan-cancellation";
export { lessonPeople, type LessonPeople } from "./lesson-recipients";
