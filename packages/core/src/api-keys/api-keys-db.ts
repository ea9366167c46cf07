import { tableService } from "../kernel/db/table-service";
import { tenantEntities } from "../db";
import { apiKeysModule } from "./module";

/** The keys, with the studio, its members and the audit log their creation and revocation are written to. */
export const apiKeysDb = tableService({ ...apiKeysModule.entities, ...tenantEntities });
