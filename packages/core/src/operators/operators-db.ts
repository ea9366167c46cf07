import { tableService } from "../kernel/db/table-service";
import { tenantEntities } from "../db";
import { meteringModule } from "../metering/module";
import { platformBillingModule } from "../platform-billing/module";
import { operatorsModule } from "./module";

/**
 * The operators' service: their log, with the studios they look after (and their audit log and
 * outbox, written with a suspension), the usage metered and the platform's invoices and accounts.
 */
export const operatorsDb = tableService({ ...operatorsModule.entities, ...platformBillingModule.entities, ...meteringModule.entities, ...tenantEntities });
