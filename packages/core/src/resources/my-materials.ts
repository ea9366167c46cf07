import { page, type Page } from "../kernel/pagination/pagination";
import { assertMay, loadStudioMember, type Actor, type StudioMember } from "../policy";
import { familyInbox, studentInbox } from "./recipients";
import { resourcesDb } from "./resources-db";
import type { Material } from "./resource-schema";
import { toMaterial } from "./resource-view";
import type { PageQuery } from "../kernel/pagination/pagination";

/** A household member's own inbox: a student's, or a parent's family's (null for a login linked to no record). */
export function inboxOfMember(member: StudioMember): string | null {
  if (member.role === "student") return member.studentId ? studentInbox(member.studentId) : null;
  if (member.role === "parent") return member.familyId ? familyInbox(member.familyId) : null;
  return null;
}

/** One page of an inbox's materials, newest share first: one Query. */
export function inboxPage(studioId: string, inbox: string, query: { limit: number; cursor?: string }): Promise<Page<Material>> {
  return page(
    { studioId, list: `materials:${inbox}` },
    (options) =>
      resourcesDb()
        .entities.materialEntry.query.materialsFeed({ studioId, inbox })
        .go({ ...options, pages: 1, order: "desc" }),
    query,
  ).then((records) => ({ items: records.items.map(toMaterial), nextCursor: records.nextCursor }));
}

/**
 * "My materials": what is shared with the student (or, for a parent, what reaches their family:
 * shares with the family, with a child, a child's lessons and bands, and notes visible to parents),
 * newest first — one read for the member and one Query of the inbox.
 */
export async function myMaterials(actor: Actor, studioId: string, query: PageQuery): Promise<Page<Material>> {
  const { member } = await loadStudioMember(actor, studioId);
  assertMay(member, "resource.materials");
  const inbox = inboxOfMember(member);
  if (!inbox) return { items: [], nextCursor: null };
  return inboxPage(studioId, inbox, query);
}
