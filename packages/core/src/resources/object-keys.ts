import { RESOURCE_CONTENT_TYPES, type ResourceContentType } from "./file-types";

/**
 * The exact shapes of a resource file's S3 key: `<studioId>/resources/<uuid v7>.<ext>` while the
 * file is live, and the same under `trash/` once its resource is in the trash (an S3 lifecycle rule
 * on that prefix deletes what the purge job has not). A client-sent key must match whole and name
 * the caller's studio, so no `..` or another studio's folder can slip through.
 */
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const EXTENSIONS = [...new Set(Object.values(RESOURCE_CONTENT_TYPES).map((t) => t.ext))].join("|");
export const RESOURCE_KEY_SHAPE = new RegExp(`^(${UUID})/resources/${UUID}\\.(${EXTENSIONS})$`);

export const TRASH_PREFIX = "trash/";

export const resourceKeyFor = (studioId: string, fileId: string, contentType: ResourceContentType) =>
  `${studioId}/resources/${fileId}.${RESOURCE_CONTENT_TYPES[contentType].ext}`;

/** Whether `key` is a live resource key of exactly this studio, with the extension of `contentType`. */
export function isResourceKeyOf(studioId: string, key: string, contentType: ResourceContentType): boolean {
  const match = RESOURCE_KEY_SHAPE.exec(key);
  return match?.[1] === studioId && match[2] === RESOURCE_CONTENT_TYPES[contentType].ext;
}

/** The file id of a live key (its uuid). */
export const fileIdOf = (key: string) => key.slice(key.lastIndexOf("/") + 1, key.lastIndexOf("."));

export const trashKeyOf = (key: string) => `${TRASH_PREFIX}${key}`;
export const liveKeyOf = (trashKey: string) => trashKey.slice(TRASH_PREFIX.length);
