import { createRoute, z } from "@hono/zod-openapi";
import * as Lending from "@studiosync/core/lending";
import { pathId, secured, studioParams } from "../http/route-params";
import { createRouter } from "../http/router";
import {
  InventoryItemPageSchema,
  InventoryItemSchema,
  InventoryItemWithHistorySchema,
  MaintenanceEntryPageSchema,
  MaintenanceEntrySchema,
} from "../schemas/lending";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";

const tags = ["Inventory"];
const params = studioParams.extend({ itemId: pathId("itemId") });

const listItems = createRoute({
  method: "get",
  path: "/{studioId}/items",
  tags,
  summary: "The studio's inventory by category and name (staff: everything; students and parents: what they may borrow)",
  description: "Filters: `category`, `status` (available, on_loan, maintenance, retired), `lowStock=true`, `borrowable`, `q` (part of the name).",
  ...secured,
  request: { params: studioParams, query: Lending.listItemsQuerySchema },
  responses: { 200: jsonResponse(InventoryItemPageSchema, "One page of items"), ...problems(401, 404, 422) },
});

const createItem = createRoute({
  method: "post",
  path: "/{studioId}/items",
  tags,
  summary: "Add an item to the inventory (owners, admins)",
  ...secured,
  request: { params: studioParams, body: jsonBody(Lending.createItemSchema.openapi("CreateInventoryItemRequest")) },
  responses: { 201: jsonResponse(InventoryItemSchema, "The new item"), ...problems(401, 403, 404, 422) },
});

const getItem = createRoute({
  method: "get",
  path: "/{studioId}/items/{itemId}",
  tags,
  summary: "One item (students and parents: a borrowable one, without its value, serial number, location and notes)",
  description:
    "`include=history` (staff) brings the item's newest loans and maintenance entries with it: `history.loans` and " +
    "`history.maintenance`, each the first page (at most 50) that `GET …/loans?itemId=` and `…/maintenance` give, with their cursors.",
  ...secured,
  request: { params, query: z.object({ include: z.enum(["history"], { errorMap: () => ({ message: "must be history" }) }).optional() }) },
  responses: { 200: jsonResponse(InventoryItemWithHistorySchema, "The item"), ...problems(401, 403, 404, 422) },
});

const updateItem = createRoute({
  method: "patch",
  path: "/{studioId}/items/{itemId}",
  tags,
  summary: "Change an item (owners, admins); `null` clears. The quantity may not go below the units on loan",
  ...secured,
  request: { params, body: jsonBody(Lending.updateItemSchema.openapi("UpdateInventoryItemRequest")) },
  responses: { 200: jsonResponse(InventoryItemSchema, "The updated item"), ...problems(401, 403, 404, 409, 422) },
});

const deleteItem = createRoute({
  method: "delete",
  path: "/{studioId}/items/{itemId}",
  tags,
  summary: "Take an item out of the inventory (owners, admins; not while any of it is on loan). Its history stays",
  ...secured,
  request: { params },
  responses: { 204: { description: "Deleted" }, ...problems(401, 403, 404, 409) },
});

const listMaintenance = createRoute({
  method: "get",
  path: "/{studioId}/items/{itemId}/maintenance",
  tags,
  summary: "An item's maintenance log, newest first (staff)",
  ...secured,
  request: { params, query: Lending.listMaintenanceQuerySchema },
  responses: { 200: jsonResponse(MaintenanceEntryPageSchema, "One page of the log"), ...problems(401, 403, 404, 422) },
});

const addMaintenance = createRoute({
  method: "post",
  path: "/{studioId}/items/{itemId}/maintenance",
  tags,
  summary: "Record maintenance of an item (owners, admins); sets its last maintenance date and, when given, its condition",
  ...secured,
  request: { params, body: jsonBody(Lending.addMaintenanceSchema.openapi("AddMaintenanceRequest")) },
  responses: { 201: jsonResponse(MaintenanceEntrySchema, "The log entry"), ...problems(401, 403, 404, 409, 422) },
});

export const itemRoutes = createRouter()
  .openapi(listItems, async (c) => c.json(await Lending.listItems(c.get("actor"), c.req.valid("param").studioId, c.req.valid("query")), 200))
  .openapi(createItem, async (c) => c.json(await Lending.createItem(c.get("actor"), c.req.valid("param").studioId, c.req.valid("json")), 201))
  .openapi(getItem, async (c) => {
    const { studioId, itemId } = c.req.valid("param");
    return c.json(await Lending.getItem(c.get("actor"), studioId, itemId, { history: c.req.valid("query").include === "history" }), 200);
  })
  .openapi(updateItem, async (c) => {
    const { studioId, itemId } = c.req.valid("param");
    return c.json(await Lending.updateItem(c.get("actor"), studioId, itemId, c.req.valid("json")), 200);
  })
  .openapi(deleteItem, async (c) => {
    const { studioId, itemId } = c.req.valid("param");
    await Lending.deleteItem(c.get("actor"), studioId, itemId);
    return c.body(null, 204);
  })
  .openapi(listMaintenance, async (c) => {
    const { studioId, itemId } = c.req.valid("param");
    return c.json(await Lending.listMaintenance(c.get("actor"), studioId, itemId, c.req.valid("query")), 200);
  })
  .openapi(addMaintenance, async (c) => {
    const { studioId, itemId } = c.req.valid("param");
    return c.json(await Lending.addMaintenance(c.get("actor"), studioId, itemId, c.req.valid("json")), 201);
  });
