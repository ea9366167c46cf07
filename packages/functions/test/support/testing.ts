/** What other packages may use of these tests: the permission matrix's world and rows (the bench samples every operation with them). */
export { MODULE_ROWS } from "../matrix";
export type { Row } from "../matrix/rows";
export { STUDIO_ROWS } from "../matrix/studio.rows";
export { buildWorld, type ActorName, type World } from "./matrix-world";
export { api } from "./api";
