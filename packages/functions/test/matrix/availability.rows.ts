import type { RowModule } from "./rows";

export const availabilityRows: RowModule = { rows: {} };
