import { z } from "zod";
import { pageQuerySchema } from "../kernel/pagination/pagination";

/** An operator's words for why: kept in both audit logs and told to the studio's owners. */
const reasonText = z.string({ required_error: "is required", invalid_type_error: "must be text" }).trim().max(500, "must be at most 500 characters");

/** `?q=`: the start of a studio's name or address (its slug), or an email of one of its people. */
export const listStudiosQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100, "must be at most 100 characters").optional(),
});
export type ListStudiosQuery = z.infer<typeof listStudiosQuerySchema>;

export const suspendStudioSchema = z.object({ reason: reasonText.min(1, "is required") }).strict();
export type SuspendStudioInput = z.infer<typeof suspendStudioSchema>;

export const unsuspendStudioSchema = z.object({ reason: reasonText.optional() }).strict();
export type UnsuspendStudioInput = z.infer<typeof unsuspendStudioSchema>;

export const operatorListQuerySchema = pageQuerySchema;
export type OperatorListQuery = z.infer<typeof operatorListQuerySchema>;
