import { tableService } from "../kernel/db/table-service";
import { tenantEntities } from "../db";
import { webhooksModule } from "./module";

/** The endpoints and deliveries, with the studio, its members (the owners mailed when an endpoint is disabled), the outbox and the audit log. */
export const webhooksDb = tableService({ ...webhooksModule.entities, ...tenantEntities });
