/** The audit's actor for what a family does from an emailed link: `email-link:<the address it was sent to>`. */
export const LINK_ACTOR_PREFIX = "email-link:";
