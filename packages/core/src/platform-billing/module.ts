import type { CoreModule } from "../kernel/core-module";
import { PlatformAccountEntity } from "./platform-account.entity";
import { PlatformInvoiceEntity } from "./platform-invoice.entity";

export * from "./platform-account.entity";
export * from "./platform-invoice.entity";

/** The platform billing module's declaration: each studio as the platform's customer, and its monthly invoices. */
export const platformBillingModule = {
  name: "platform-billing",
  entities: { platformAccount: PlatformAccountEntity, platformInvoice: PlatformInvoiceEntity },
} as const satisfies CoreModule;
