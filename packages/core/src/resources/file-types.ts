/**
 * What the resource library accepts: each kind with its content types, file extensions and size
 * cap. An upload is declared with a content type from this list and becomes a resource only after
 * the stored object's first bytes sniff as the same kind (sniff.ts) and its size is within the cap.
 */
export const RESOURCE_KINDS = ["pdf", "image", "audio", "video", "musicxml", "midi", "guitar_pro", "text"] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

const MB = 1024 * 1024;

/** Each accepted content type: its kind and the extension its object key carries. */
export const RESOURCE_CONTENT_TYPES = {
  "application/pdf": { kind: "pdf", ext: "pdf" },
  "image/png": { kind: "image", ext: "png" },
  "image/jpeg": { kind: "image", ext: "jpg" },
  "image/gif": { kind: "image", ext: "gif" },
  "image/webp": { kind: "image", ext: "webp" },
  "audio/mpeg": { kind: "audio", ext: "mp3" },
  "audio/mp4": { kind: "audio", ext: "m4a" },
  "audio/x-m4a": { kind: "audio", ext: "m4a" },
  "audio/wav": { kind: "audio", ext: "wav" },
  "audio/x-wav": { kind: "audio", ext: "wav" },
  "audio/ogg": { kind: "audio", ext: "ogg" },
  "video/mp4": { kind: "video", ext: "mp4" },
  "application/vnd.recordare.musicxml+xml": { kind: "musicxml", ext: "musicxml" },
  "application/vnd.recordare.musicxml": { kind: "musicxml", ext: "mxl" },
  "audio/midi": { kind: "midi", ext: "mid" },
  "audio/x-midi": { kind: "midi", ext: "mid" },
  "application/x-guitar-pro": { kind: "guitar_pro", ext: "gp" },
  "text/plain": { kind: "text", ext: "txt" },
} as const satisfies Record<string, { kind: ResourceKind; ext: string }>;
export type ResourceContentType = keyof typeof RESOURCE_CONTENT_TYPES;
export const RESOURCE_CONTENT_TYPE_LIST = Object.keys(RESOURCE_CONTENT_TYPES) as [ResourceContentType, ...ResourceContentType[]];

/** The largest file of each kind. */
export const MAX_BYTES_BY_KIND: Record<ResourceKind, number> = {
  pdf: 50 * MB,
  image: 20 * MB,
  audio: 200 * MB,
  video: 1024 * MB,
  musicxml: 20 * MB,
  midi: 5 * MB,
  guitar_pro: 20 * MB,
  text: 5 * MB,
};

/** What a studio may store in all (every version, the trash until it is purged) unless its record says otherwise. */
export const DEFAULT_STUDIO_STORAGE_BYTES = 10 * 1024 * MB;

/** The words a page or an error uses for a kind. */
export const KIND_LABELS: Record<ResourceKind, string> = {
  pdf: "PDF",
  image: "image",
  audio: "audio recording",
  video: "video",
  musicxml: "MusicXML score",
  midi: "MIDI file",
  guitar_pro: "Guitar Pro file",
  text: "text file",
};

export const kindOf = (contentType: ResourceContentType): ResourceKind => RESOURCE_CONTENT_TYPES[contentType].kind;

/** "12.5 MB" */
export function bytesText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < MB) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, "")} KB`;
  if (bytes < 1024 * MB) return `${(bytes / MB).toFixed(1).replace(/\.0$/, "")} MB`;
  return `${(bytes / (1024 * MB)).toFixed(2).replace(/\.?0+$/, "")} GB`;
}
