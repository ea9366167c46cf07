import { itemOf } from "../kernel/db/read-together";
import { readMany } from "../kernel/db/read-many";
import { page, type Page } from "../kernel/pagination/pagination";
import { assertMay, hiddenRecord, loadStudioMember, type Actor } from "../policy";
import { keepsPerson } from "./resource-access";
import { resourcesDb } from "./resources-db";
import type { ResourceRecord } from "./resource.entity";
import type { Resource } from "./resource-schema";
import { LIBRARY_SHELF, personShelf, toResource, TRASH_SHELF } from "./resource-view";
import type { ListResourcesQuery } from "./schemas";
import { storageLimitOf } from "./storage";

const folded = (text: string) => text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();

/** The filters of a library list, applied to each page's items (they narrow, never widen, what the shelf holds). */
function matches(query: ListResourcesQuery) {
  const q = query.q ? folded(query.q) : null;
  return (r: ResourceRecord) =>
    (!query.kind || r.kind === query.kind) &&
    (!query.folder || r.folder === query.folder) &&
    (!query.instrument || folded(r.instrument ?? "") === folded(query.instrument)) &&
    (!query.tag || (r.tags ?? []).some((t) => folded(t) === folded(query.tag!))) &&
    (!q || [r.title, r.description, r.composer, r.piece, r.fileName, ...(r.tags ?? [])].some((text) => text && folded(text).includes(q)));
}

/**
 * A shelf of the studio's files for staff, newest first: the library, the trash, or one person's
 * documents (admins; a teacher their own students' and their own). One read for the member, one
 * Query of the shelf's index a page (filters apply to the page's items, so a filtered page may be short).
 */
export async function listResources(
  actor: Actor,
  studioId: string,
  query: ListResourcesQuery,
): Promise<Page<Resource> & { storage: { usedBytes: number; limitBytes: number } }> {
  const { member, studio } = await loadStudioMember(actor, studioId);
  assertMay(member, "resource.upload");
  let shelf = query.shelf === "trash" ? TRASH_SHELF : LIBRARY_SHELF;
  if (query.shelf === "documents") {
    const person = { kind: query.personKind!, id: query.personId! };
    const kept = await keepsPerson(member, studioId, person);
    assertMay(member, "resource.view", { createdBy: "", person: { ...person, keptByMember: kept } });
    shelf = personShelf(person.kind, person.id);
  }
  const keep = matches(query);
  const filtered = Boolean(query.q || query.kind || query.folder || query.instrument || query.tag);
  const records = await page(
    { studioId, list: `resources:${shelf}` },
    (options) =>
      resourcesDb()
        .entities.resource.query.resourcesOnShelf({ studioId, shelf })
        .go({ ...options, pages: 1, order: "desc" }),
    query,
    filtered ? (items: ResourceRecord[]) => items.filter(keep) : undefined,
  );
  // Documents on a teacher's record that is not theirs never reach here (the rule above); trash shows what any staff member trashed.
  return {
    items: records.items.map((r) => toResource(r)),
    nextCursor: records.nextCursor,
    storage: { usedBytes: studio.storageBytes ?? 0, limitBytes: storageLimitOf(studio) },
  };
}

/**
 * The resources shared with one audience (a lesson's materials, a note's attachments), newest share
 * first, for staff: one Query of the audience's shares and one BatchGet of their resources (the
 * trash left out).
 */
export async function audienceResources(studioId: string, audienceKey: string): Promise<ResourceRecord[]> {
  const { resourceShare, resource } = resourcesDb().entities;
  const { data: shares } = await resourceShare.query.sharesByAudience({ studioId, audienceKey }).go({ pages: "all", order: "desc" });
  const records = await readMany(shares.map((s) => itemOf(resource, { studioId, resourceId: s.resourceId })));
  return records.filter((r): r is ResourceRecord => Boolean(r) && r!.shelf !== TRASH_SHELF);
}

/** How many of the library's newest files `include=library` adds (the lesson page's "share from the library"). */
export const LESSON_LIBRARY_LIMIT = 100;

/**
 * A lesson's materials (its own and its notes' attachments), for staff who may see the library.
 * `include: "library"` adds the library's newest files (one page, as the library list gives it) to
 * share with the lesson, read in parallel with the materials.
 */
export async function lessonMaterials(
  actor: Actor,
  studioId: string,
  lessonId: string,
  options: { include?: "library" } = {},
): Promise<{ items: Resource[]; library?: Resource[] }> {
  const { member } = await loadStudioMember(actor, studioId);
  assertMay(member, "resource.upload");
  if (!lessonId) throw hiddenRecord("Lesson");
  const [records, library] = await Promise.all([
    audienceResources(studioId, `lesson#${lessonId}`),
    options.include === "library"
      ? resourcesDb().entities.resource.query.resourcesOnShelf({ studioId, shelf: LIBRARY_SHELF }).go({ limit: LESSON_LIBRARY_LIMIT, pages: 1, order: "desc" })
      : undefined,
  ]);
  return { items: records.map((r) => toResource(r)), ...(library ? { library: library.data.map((r) => toResource(r)) } : {}) };
}
