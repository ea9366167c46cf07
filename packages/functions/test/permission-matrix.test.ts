import { ACTIONS } from "@studiosync/core/policy";
import { beforeAll, describe, expect, it } from "vitest";
import { api } from "./support/api";
import { ACTORS, buildWorld, type ActorName, type World } from "./support/matrix-world";
import type { Row, RowModule } from "./matrix/rows";
import { MODULE_ROWS } from "./matrix";
import { EXEMPT } from "./matrix/exempt";
import { STUDIO_ROWS as ROWS } from "./matrix/studio.rows";

const methodOf = (op: string) => op.split(" ")[0]!;
const SIGNED_OUT: ActorName[] = ["anonymous", "forged"];
const expected = (row: Row, actor: ActorName) =>
  SIGNED_OUT.includes(actor) ? 401 : row.allow.includes(actor) ? "2xx" : row.forbid?.includes(actor) ? 403 : 404;
/** What an actor got: "2xx" for any success, else the status, flagged if the outsider's answer names the studio. */
const outcomeOf = (actor: ActorName, res: { status: number; body: unknown }, want: number | string) => {
  if (want === "2xx" && res.status >= 200 && res.status < 300) return "2xx";
  if (actor === "outsider" && JSON.stringify(res.body).includes(world.studioName)) return `${res.status} naming the studio`;
  return res.status;
};

let world: World;
/**
 * Every studio route × every role × ownership, from one table. Each row names who may (2xx) and
 * who is refused with 403 (they can see the thing but not do this); every other member gets 404,
 * another studio's owner 404 (never 403, and an answer that never names the studio: its existence
 * is not confirmed), and an anonymous caller or a forged token 401. The table must cover every
 * operation in the OpenAPI document, so a new route cannot be added without deciding who may call
 * it, and each row names the permission catalogue's action it exercises (every action is exercised
 * by a row). This is the one place that checks a studio route's security.
 */
const ALL_ROWS: Record<string, Row> = { ...ROWS, ...Object.assign({}, ...MODULE_ROWS.map((m: RowModule) => m.rows)) };
beforeAll(async () => {
  world = await buildWorld();
  for (const module of MODULE_ROWS) Object.assign(world.extra, await module.prepare?.(world));
}, 180_000);

describe("permission matrix", () => {
  it("covers every operation of the API", async () => {
    const doc = await api("GET", "/v1/openapi.json");
    const operations = Object.entries(doc.body.paths as Record<string, object>).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const uncovered = operations.filter((op) => !(op in ALL_ROWS) && !(op in EXEMPT));
    const stale = [...Object.keys(ALL_ROWS), ...Object.keys(EXEMPT)].filter((op) => !operations.includes(op));
    expect({ uncovered, stale }).toEqual({ uncovered: [], stale: [] });
  });

  it("maps onto the permission catalogue: every row names an action, every action has a row", () => {
    const named = new Set(Object.values(ALL_ROWS).map((row) => row.action));
    const unknown = [...named].filter((action) => !ACTIONS.includes(action));
    const unexercised = ACTIONS.filter((action) => !named.has(action));
    expect({ unknown, unexercised }).toEqual({ unknown: [], unexercised: [] });
  });

  for (const [op, row] of Object.entries(ALL_ROWS)) {
    it(op, async () => {
      // Refusals first (they must not change anything), then the allowed calls.
      const order = [...ACTORS].sort((a, b) => Number(row.allow.includes(a)) - Number(row.allow.includes(b)));
      const outcomes: Record<string, number | string> = {};
      const wanted: Record<string, number | string> = {};
      for (const actor of order) {
        const target = row.allow.includes(actor) && row.fresh ? (await row.fresh(world)).id : (row.target?.(world) ?? "");
        const res = await api(methodOf(op), row.path(world, target), { token: world.tokens[actor], body: row.body?.(world) });
        const want = expected(row, actor);
        outcomes[actor] = outcomeOf(actor, res, want);
        wanted[actor] = want;
      }
      expect(outcomes).toEqual(wanted);
    });
  }
});
