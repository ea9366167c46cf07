import { createRouter } from "../../http/router";
import { itemRoutes } from "../../routes/items";
import { loanRoutes } from "../../routes/loans";

/** Lending and inventory: items, their maintenance log, and loans. Deployed as the lending Lambda. */
export const lendingRoutes = createRouter().route("/v1/studios", itemRoutes).route("/v1/studios", loanRoutes);
