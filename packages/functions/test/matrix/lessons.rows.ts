import type { RowModule } from "./rows";

export const lessonRows: RowModule = { rows: {} };
