export { db, type WriteTx } from "./service";
export { tenantEntities } from "./tenant-entities";
