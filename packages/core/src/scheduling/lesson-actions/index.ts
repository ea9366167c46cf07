export { claimLink, lessonLinks, makeupLink } from "./action-links";
export { LESSON_ACTIONS, type LessonAction } from "./action-token";
export { lessonActionView, MOVE_WINDOW_DAYS, type LessonActionView, type LinkState } from "./action-view";
export { LessonLinkSchema } from "./action-schema";
export { bookMakeupByLink, cancelByLink, claimSlotByLink, moveByLink } from "./act-by-link";
export { cancelByReply, confirmByReply, type ReplyCommandResult, type ReplyRef } from "./act-by-reply";
export { LINK_ACTOR_PREFIX } from "./link-actor";
export * from "./schemas";
