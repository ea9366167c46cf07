import type { RowModule } from "./rows";

export const makeupRows: RowModule = { rows: {} };
