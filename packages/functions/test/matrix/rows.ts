import type { Action } from "@studiosync/core/policy";
import { ACTORS, type ActorName, type World } from "../support/matrix-world";

/**
 * The permission matrix's row format. Each row names who may (2xx) and who is refused with 403
 * (they can see the thing but not do this); every other member gets 404, another studio's owner
 * 404 (an answer that never names the studio), and an anonymous caller or a forged token 401.
 * Each row names the catalogue action it exercises; every action is exercised by a row.
 * Module rows live in `<area>.rows.ts` next to this file.
 */
export interface Row {
  /** The permission catalogue's action the route exercises (packages/core/src/policy/catalogue.ts). */
  action: Action;
  allow: ActorName[];
  forbid?: ActorName[];
  path: (w: World, target: string) => string;
  body?: (w: World) => unknown;
  /** For routes that use their target up (delete, revoke, …): a fresh one per allowed call. */
  fresh?: (w: World) => Promise<{ id: string }>;
  /** The shared target when not fresh. */
  target?: (w: World) => string;
}

export const ADMINS: ActorName[] = ["owner", "admin"];
export const MEMBERS: ActorName[] = ["owner", "admin", "teacherOwn", "teacherOther", "studentSelf", "studentOther", "parentOwn", "parentOther"];
export const NON_ADMINS = MEMBERS.filter((a) => !ADMINS.includes(a));
export const adminOnly = (row: Omit<Row, "allow" | "forbid">): Row => ({ allow: ADMINS, forbid: NON_ADMINS, ...row });
export const s = (w: World, rest = "") => `/v1/studios/${w.studioId}${rest}`;

/** Who sees student S1: admins, S1's teacher, S1 themself, S1's parent. */
export const SEE_S1: ActorName[] = [...ADMINS, "teacherOwn", "studentSelf", "parentOwn"];
/** Who sees family F: admins, the teacher of one of its students, its parent. */
export const SEE_F: ActorName[] = [...ADMINS, "teacherOwn", "parentOwn"];
/** Who sees band B (S1 plays in it): admins, its member S1, S1's teacher. */
export const SEE_B: ActorName[] = [...ADMINS, "teacherOwn", "studentSelf"];
export const except = (list: ActorName[], ...out: ActorName[]) => list.filter((a) => !out.includes(a));

/** A module's rows, and the records its rows need made once in the shared world (stored in `world.extra`). */
export interface RowModule {
  rows: Record<string, Row>;
  prepare?: (world: World) => Promise<Record<string, string>>;
}

export { ACTORS, type ActorName, type World };
