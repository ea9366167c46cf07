import type { Resource, ResourceVersion, Material } from "./resource-schema";
import type { MaterialEntryRecord } from "./material-entry.entity";
import type { ResourceVersionRecord } from "./resource-version.entity";
import type { ResourceRecord } from "./resource.entity";

/** Days a resource stays in the trash before it is purged. */
export const TRASH_DAYS = 30;

export const LIBRARY_SHELF = "library";
export const TRASH_SHELF = "trash";
export const personShelf = (kind: string, id: string) => `person#${kind}#${id}`;

const locationOf = (shelf: string): Resource["location"] => (shelf === TRASH_SHELF ? "trash" : shelf === LIBRARY_SHELF ? "library" : "documents");

/** A record as staff see it; `labels` names its audiences (audiences.ts). */
export function toResource(r: ResourceRecord, labels: ReadonlyMap<string, string> = new Map()): Resource {
  return {
    id: r.resourceId,
    location: locationOf(r.shelf),
    title: r.title,
    description: r.description ?? null,
    instrument: r.instrument ?? null,
    level: r.level ?? null,
    tags: r.tags ?? [],
    folder: r.folder ?? null,
    composer: r.composer ?? null,
    piece: r.piece ?? null,
    kind: r.kind,
    version: r.version,
    fileName: r.fileName,
    contentType: r.contentType,
    size: r.size,
    totalBytes: r.totalBytes,
    sharedWith: (r.sharedWith ?? []).map((key) => ({
      key,
      kind: key.split("#")[0] as Resource["sharedWith"][number]["kind"],
      label: labels.get(key) ?? defaultLabel(key),
    })),
    person: r.personKind && r.personId ? { kind: r.personKind, id: r.personId } : null,
    documentType: r.documentType ?? null,
    createdBy: r.createdBy,
    createdByName: r.createdByName,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    trashedAt: r.trashedAt ?? null,
    purgeAfter: r.purgeDay ?? null,
  };
}

function defaultLabel(key: string): string {
  if (key === "all_students") return "All students";
  if (key === "public") return "Public page";
  return key.split("#")[0] ?? key;
}

export const toResourceVersion = (v: ResourceVersionRecord): ResourceVersion => ({
  version: v.version,
  fileName: v.fileName,
  contentType: v.contentType,
  size: v.size,
  uploadedByName: v.uploadedByName,
  createdAt: v.createdAt,
});

export const toMaterial = (e: MaterialEntryRecord): Material => ({
  id: e.resourceId,
  title: e.title,
  description: e.description ?? null,
  kind: e.kind,
  fileName: e.fileName,
  contentType: e.contentType,
  size: e.size,
  sharedByName: e.sharedByName,
  sharedAt: e.sharedAt,
});
