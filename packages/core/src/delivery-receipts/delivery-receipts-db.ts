import { tableService } from "../kernel/db/table-service";
import { deliveryReceiptsModule } from "./module";

/** The receipts alone: what the outbox consumer and the SES events Lambda move forward. */
export const deliveryReceiptsDb = tableService(deliveryReceiptsModule.entities);
