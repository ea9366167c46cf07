import { z } from "zod";
import { AppError } from "./errors";

/** `?limit=&cursor=` on every list that can grow. */
export const pageQuerySchema = z.object({
  limit: z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(100, "must be at most 100").default(25),
  cursor: z.string().max(2000).optional(),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

export interface Page<T> {
  items: T[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/**
 * Runs one page of an ElectroDB query. A cursor that does not belong to this query (tampered, or
 * from another list) is a 422, never a 500.
 */
export async function page<T>(
  run: (options: { limit: number; cursor: string | null }) => Promise<{ data: T[]; cursor: string | null }>,
  query: PageQuery,
): Promise<Page<T>> {
  try {
    const { data, cursor } = await run({ limit: query.limit, cursor: query.cursor ?? null });
    return { items: data, nextCursor: cursor };
  } catch (error) {
    const name = (error as { name?: string; cause?: { name?: string } }).cause?.name ?? (error as { name?: string }).name;
    const message = String((error as Error).message ?? "");
    if (query.cursor && (name === "ValidationException" || /cursor|ExclusiveStartKey|starting key/i.test(message))) {
      throw new AppError("validation_failed", "The cursor does not belong to this list", {
        errors: [{ path: "cursor", message: "is not a cursor from this list" }],
      });
    }
    throw error;
  }
}
