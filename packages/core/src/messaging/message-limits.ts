/** The longest message or announcement body, in characters (its own file: the announcement schemas need no thread's). */
export const MAX_BODY = 10_000;
