import { tableService } from "../kernel/db/table-service";
import { tenantEntities } from "../db";
import { meteringModule } from "../metering/module";
import { platformBillingModule } from "./module";

/** The platform's invoices and accounts, with the usage they bill, the studios they pause and the outbox and audit log. */
export const platformBillingDb = tableService({ ...platformBillingModule.entities, ...meteringModule.entities, ...tenantEntities });
