/**
 * What an import's rows become: people (the imports route) or leads (the leads route). Its own file:
 * the import claim entity needs it, and every Lambda carries that entity (the base service), not the
 * import schemas.
 */
export const IMPORT_KINDS = ["students", "families", "leads"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
