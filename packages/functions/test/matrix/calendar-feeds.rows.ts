import type { RowModule } from "./rows";

export const calendarFeedRows: RowModule = { rows: {} };
