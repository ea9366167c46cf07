import type { CoreModule } from "../kernel/core-module";
import { InventoryItemEntity } from "./item.entity";
import { LoanDueEntity, LoanEntity } from "./loan.entity";
import { MaintenanceEntryEntity } from "./maintenance-entry.entity";

export * from "./item.entity";
export * from "./loan.entity";
export * from "./maintenance-entry.entity";

/**
 * The lending module's declaration: inventory items, their maintenance log, loans and the loan
 * reminders' work queue. The services are composed from these declarations; other modules reach
 * the entities through this file.
 */
export const lendingModule = {
  name: "lending",
  entities: {
    inventoryItem: InventoryItemEntity,
    maintenanceEntry: MaintenanceEntryEntity,
    loan: LoanEntity,
    loanDue: LoanDueEntity,
  },
} as const satisfies CoreModule;
