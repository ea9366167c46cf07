import { createRouter } from "../http/router";

// Placeholder while this module is being written (issue 5); replaced by its routes.
export const invoiceRoutes = createRouter();
