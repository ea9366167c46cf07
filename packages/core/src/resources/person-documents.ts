import { readObjectStart } from "../files";
import { purgeResource } from "./purge";
import { resourcesDb } from "./resources-db";
import type { ResourceRecord } from "./resource.entity";
import { personShelf, TRASH_SHELF } from "./resource-view";

type PersonKind = "student" | "family" | "teacher";

/** Every document on a person's record, the ones in the trash too (one query of the shelf, one of the trash). */
async function documentsOf(studioId: string, kind: PersonKind, id: string): Promise<ResourceRecord[]> {
  const { resource } = resourcesDb().entities;
  const shelf = personShelf(kind, id);
  const [{ data: live }, { data: trashed }] = await Promise.all([
    resource.query.resourcesOnShelf({ studioId, shelf }).go({ pages: "all" }),
    resource.query
      .resourcesOnShelf({ studioId, shelf: TRASH_SHELF })
      .where((a, op) => op.eq(a.trashedFrom, shelf))
      .go({ pages: "all" }),
  ]);
  return [...live, ...trashed];
}

/**
 * The documents on a person's record for their privacy export: each with its metadata and its
 * current file's bytes (base64), so the export holds the documents themselves.
 */
export async function documentsForExport(studioId: string, kind: PersonKind, id: string) {
  const records = await documentsOf(studioId, kind, id);
  return Promise.all(
    records.map(async (r) => {
      const bytes = await readObjectStart(r.objectKey, r.size);
      return {
        id: r.resourceId,
        title: r.title,
        documentType: r.documentType ?? "other",
        description: r.description ?? null,
        fileName: r.fileName,
        contentType: r.contentType,
        size: r.size,
        version: r.version,
        uploadedAt: r.createdAt,
        inTrash: r.shelf === TRASH_SHELF,
        contentBase64: bytes ? Buffer.from(bytes).toString("base64") : null,
      };
    }),
  );
}

/** Erasure: every document on the person's record deleted for good now (files, versions, and the studio's bytes). */
export async function eraseDocumentsOf(studioId: string, kind: PersonKind, id: string): Promise<number> {
  const records = await documentsOf(studioId, kind, id);
  for (const record of records) await purgeResource(record);
  return records.length;
}
