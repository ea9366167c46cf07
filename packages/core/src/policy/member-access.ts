import type { ItemRead, ReadResults } from "../kernel/db/read-together";
import type { StudioRecord } from "../studios/module";
import type { Actor } from "./actor";
import { loadMemberWith, type StudioMember } from "./studio-member";

/**
 * How a use case learns who is acting in a studio, with the records it needs in the same read:
 * a signed-in member (`signedIn`), or a family acting from a signed email link
 * (scheduling/lesson-actions/link-access.ts), who is nobody's login but may do what the lesson's
 * student may do with that one lesson.
 */
export type MemberAccess = <const T extends readonly ItemRead<unknown>[]>(
  studioId: string,
  ...reads: T
) => Promise<{ member: StudioMember; studio: StudioRecord; records: ReadResults<T> }>;

export const signedIn =
  (actor: Actor): MemberAccess =>
  (studioId, ...reads) =>
    loadMemberWith(actor, studioId, ...reads);
