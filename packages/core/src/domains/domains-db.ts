import { tenantEntities } from "../db";
import { tableService } from "../kernel/db/table-service";
import { domainsModule } from "./module";

/** The domains and their claims, with the studio, its members and the audit log their changes are written to. */
export const domainsDb = tableService({ ...domainsModule.entities, ...tenantEntities });
