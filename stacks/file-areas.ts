/**
 * The areas of the files bucket, by key shape (IAM resources) and, for temporary ones, how long
 * objects live (S3 lifecycle rules on a fixed key prefix; core writes the keys:
 * packages/core/src/privacy/export-files.ts, packages/core/src/studios/logo-upload.ts,
 * packages/core/src/resources/object-keys.ts, packages/core/src/messaging/attachments.ts,
 * packages/core/src/events/event-files.ts).
 */
export const FILE_AREAS = {
  /** `<studioId>/branding/logo-<id>.<ext>`: kept while a studio points at it. */
  branding: { objects: "*/branding/*" },
  /** `privacy-exports/<studioId>/<exportId>.json`: an export's link works 24 h; the file goes after 2 days. */
  privacyExports: { objects: "privacy-exports/*", prefix: "privacy-exports/", expireAfterDays: 2 },
  /** `<studioId>/resources/<id>.<ext>`: the resource library's and person documents' files, kept while their resource is. */
  resources: { objects: "*/resources/*" },
  /**
   * `trash/<studioId>/resources/<id>.<ext>`: files of resources in the trash. The purge job deletes them
   * with their records after 30 days; the rule is the backstop for a file the job missed.
   */
  trash: { objects: "trash/*", prefix: "trash/", expireAfterDays: 35 },
  /** `<studioId>/messages/<id>/<name>`: the files of conversations' messages (uploaded, or a reply by email's attachments). */
  messages: { objects: "*/messages/*" },
  /** `<studioId>/events/<id>/<name>`: the files of studio events (a programme, a map), kept with their event. */
  events: { objects: "*/events/*" },
  /** `inbound/<SES message id>`: received replies by email as SES stored them; handled at once, kept a while for support. */
  inbound: { objects: "inbound/*", prefix: "inbound/", expireAfterDays: 30 },
} as const;
export type FileArea = keyof typeof FILE_AREAS;

/** The areas whose objects S3 deletes on its own. */
export const TEMPORARY_AREAS = Object.values(FILE_AREAS).filter((area): area is Extract<(typeof FILE_AREAS)[FileArea], { prefix: string }> => "prefix" in area);
