import type { RowModule } from "./rows";

export const patternRows: RowModule = { rows: {} };
