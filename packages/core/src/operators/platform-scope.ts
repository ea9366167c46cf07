/**
 * The operators' lists belong to no studio: their cursors are sealed to this scope instead
 * (kernel/pagination/cursor.ts), so they work in no studio's list and no studio's in theirs.
 */
export const PLATFORM_SCOPE = "platform";
