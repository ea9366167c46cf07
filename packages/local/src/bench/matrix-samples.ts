import { buildWorld, MODULE_ROWS, STUDIO_ROWS, type ActorName, type Row, type World } from "@studiosync/functions/testing";
import type { Sample } from "./operation-samples";

/**
 * The permission matrix (functions/test/matrix) as the bench's source of requests: one row per
 * studio operation, with its path, body and who may call it, in a world that has a record for
 * every relationship. The rows are in the order the matrix test runs them.
 */
export const MATRIX_ROWS: Record<string, Row> = { ...STUDIO_ROWS, ...Object.assign({}, ...MODULE_ROWS.map((m) => m.rows)) };

/** The matrix's world with every module's records, as permission-matrix.test.ts prepares it. */
export async function matrixWorld(): Promise<World> {
  const world = await buildWorld();
  for (const module of MODULE_ROWS) Object.assign(world.extra, await module.prepare?.(world));
  return world;
}

/** The owner when the row allows them, else the first actor it allows. */
const actorFor = (row: Row): ActorName => (row.allow.includes("owner") ? "owner" : row.allow[0]!);

/** One allowed call of a row (a fresh target when the row uses its target up). */
export async function matrixSample(world: World, row: Row): Promise<Sample> {
  const actor = actorFor(row);
  const target = row.fresh ? (await row.fresh(world)).id : (row.target?.(world) ?? "");
  const path = row.path(world, target);
  return { path, token: world.tokens[actor], body: row.body?.(world) };
}
