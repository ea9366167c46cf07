import type { RowModule } from "./rows";

export const teachingRows: RowModule = { rows: {} };
