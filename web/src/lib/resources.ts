import {
  bytesText,
  DOCUMENT_TYPES,
  KIND_LABELS,
  MAX_BYTES_BY_KIND,
  RESOURCE_CONTENT_TYPES,
  RESOURCE_KINDS,
  type Audience,
  type ResourceContentType,
  type ResourceKind,
} from "@studiosync/core/resources";

/**
 * The resource library as the site shows it: the words for kinds, sizes and audiences, which file
 * types are taken (and how big), the details form, and the choices of a "share with" select.
 * Pure: the pages and resource-upload.ts call the API.
 */
export { bytesText as sizeText, RESOURCE_KINDS, type ResourceKind };

/** A kind as a table or a badge names it. */
export const KIND_WORDS: Record<ResourceKind, string> = {
  pdf: "PDF",
  image: "Image",
  audio: "Audio",
  video: "Video",
  musicxml: "MusicXML",
  midi: "MIDI",
  guitar_pro: "Guitar Pro",
  text: "Text",
};

export const KIND_OPTIONS = RESOURCE_KINDS.map((kind) => ({ value: kind, label: KIND_WORDS[kind] }));

/** A file's extension → the content type the library takes for it (browsers leave some types blank). */
const BY_EXTENSION: Record<string, ResourceContentType> = {
  ...Object.fromEntries(
    Object.entries(RESOURCE_CONTENT_TYPES)
      // The first content type of each extension wins (audio/mpeg before anything else for .mp3, audio/midi for .mid).
      .reverse()
      .map(([type, { ext }]) => [ext, type as ResourceContentType]),
  ),
  jpeg: "image/jpeg",
  midi: "audio/midi",
  gp3: "application/x-guitar-pro",
  gp4: "application/x-guitar-pro",
  gp5: "application/x-guitar-pro",
  gpx: "application/x-guitar-pro",
  xml: "application/vnd.recordare.musicxml+xml",
  m4a: "audio/mp4",
};

/** The `accept` of a file input: every content type and extension the library takes. */
export const ACCEPT = [...Object.keys(RESOURCE_CONTENT_TYPES), ...Object.keys(BY_EXTENSION).map((ext) => `.${ext}`)].join(",");

/** In words, for hints and errors. */
export const ACCEPTED_WORDS = "PDF, images (PNG, JPEG, GIF, WebP), audio (MP3, M4A, WAV, OGG), MP4 video, MusicXML, MIDI, Guitar Pro and plain text";

const isContentType = (type: string): type is ResourceContentType => Object.hasOwn(RESOURCE_CONTENT_TYPES, type);

/**
 * The content type to declare for a chosen file: the browser's, when the library takes it; else the
 * one its extension names (a .gp or .mxl file often arrives as "" or application/octet-stream).
 */
export function contentTypeFor(fileName: string, browserType: string): ResourceContentType | undefined {
  const type = browserType.split(";")[0]!.trim().toLowerCase();
  if (isContentType(type)) return type;
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  return ext ? BY_EXTENSION[ext] : undefined;
}

/** "a PDF", "an audio recording". */
export const kindArticle = (kind: ResourceKind) => `${/^[aeiou]/i.test(KIND_LABELS[kind]) ? "an" : "a"} ${KIND_LABELS[kind]}`;

export type FileCheck = { ok: true; contentType: ResourceContentType; kind: ResourceKind } | { ok: false; message: string };

/** What the site can tell of a chosen file before a byte is sent: that there is one, that the library takes its type, and that it fits its kind's cap. */
export function checkFile(file: { name: string; size: number; type: string } | null | undefined): FileCheck {
  if (!file || file.size === 0) return { ok: false, message: "Choose a file to upload." };
  const contentType = contentTypeFor(file.name, file.type);
  if (!contentType) return { ok: false, message: `“${file.name}” isn't a kind of file the library takes. It takes ${ACCEPTED_WORDS}.` };
  const kind = RESOURCE_CONTENT_TYPES[contentType].kind;
  if (file.size > MAX_BYTES_BY_KIND[kind])
    return { ok: false, message: `“${file.name}” is ${bytesText(file.size)}; ${kindArticle(kind)} can be at most ${bytesText(MAX_BYTES_BY_KIND[kind])}.` };
  return { ok: true, contentType, kind };
}

/** The studio's storage as a line and a bar: "2.3 MB of 10 GB". */
export function storageUsage(usedBytes: number, limitBytes: number) {
  const percent = limitBytes > 0 ? Math.min(100, Math.round((usedBytes / limitBytes) * 1000) / 10) : 100;
  return { text: `${bytesText(usedBytes)} of ${bytesText(limitBytes)}`, percent, nearlyFull: percent >= 90 };
}

/** How a page shows a file in place: a player, the PDF, the image, or nothing (download it). */
export type Preview = "audio" | "video" | "pdf" | "image" | null;
export const previewOf = (kind: string): Preview => (kind === "audio" || kind === "video" || kind === "pdf" || kind === "image" ? kind : null);

/** The descriptive fields of a resource, as the forms hold them (tags separated by commas). */
export interface ResourceValues {
  title: string;
  description: string;
  instrument: string;
  level: string;
  tags: string;
  folder: string;
  composer: string;
  piece: string;
}

export const RESOURCE_LABELS: Record<keyof ResourceValues | "file", string> = {
  file: "File",
  title: "Title",
  description: "Description",
  instrument: "Instrument",
  level: "Level",
  tags: "Tags",
  folder: "Folder",
  composer: "Composer",
  piece: "Piece",
};
export const RESOURCE_FIELDS = Object.keys(RESOURCE_LABELS);

export const EMPTY_RESOURCE: ResourceValues = { title: "", description: "", instrument: "", level: "", tags: "", folder: "", composer: "", piece: "" };

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value.trim() : "";
};

export function resourceValuesFrom(form: FormData): ResourceValues {
  return {
    title: text(form, "title"),
    description: text(form, "description"),
    instrument: text(form, "instrument"),
    level: text(form, "level"),
    tags: text(form, "tags"),
    folder: text(form, "folder"),
    composer: text(form, "composer"),
    piece: text(form, "piece"),
  };
}

export function resourceValuesOf(r: {
  title: string;
  description: string | null;
  instrument: string | null;
  level: string | null;
  tags: string[];
  folder: string | null;
  composer: string | null;
  piece: string | null;
}): ResourceValues {
  return {
    title: r.title,
    description: r.description ?? "",
    instrument: r.instrument ?? "",
    level: r.level ?? "",
    tags: r.tags.join(", "),
    folder: r.folder ?? "",
    composer: r.composer ?? "",
    piece: r.piece ?? "",
  };
}

const commaList = (value: string) => [
  ...new Set(
    value
      .split(",")
      .map((t) => t.trim())
      .filter(Boolean),
  ),
];

/** "Scales in C.pdf" → "Scales in C": a title for a file uploaded without one. */
export const titleFromFileName = (fileName: string) => fileName.replace(/\.[a-z0-9]{1,10}$/i, "").trim() || fileName;

/**
 * The body to send: a new resource leaves blank fields out; a change clears them (`null`). The title
 * of a new one defaults to the file's name.
 */
export function resourceBody(v: ResourceValues, mode: "create", fileName: string): ResourceDetails;
export function resourceBody(v: ResourceValues, mode: "update"): ResourceChanges;
export function resourceBody(v: ResourceValues, mode: "create" | "update", fileName = ""): ResourceDetails | ResourceChanges {
  const blank = mode === "create" ? undefined : null;
  const body = {
    title: v.title || (mode === "create" ? titleFromFileName(fileName) : v.title),
    description: v.description || blank,
    instrument: v.instrument || blank,
    level: v.level || blank,
    tags: commaList(v.tags),
    folder: v.folder || blank,
    composer: v.composer || blank,
    piece: v.piece || blank,
  };
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined)) as ResourceDetails | ResourceChanges;
}

export interface ResourceDetails {
  title: string;
  description?: string;
  instrument?: string;
  level?: string;
  tags: string[];
  folder?: string;
  composer?: string;
  piece?: string;
}
export type ResourceChanges = { [K in keyof ResourceDetails]: K extends "title" | "tags" ? ResourceDetails[K] : string | null };

/** Who a resource is shared with, in words (a badge beside the audience's name). */
export const AUDIENCE_WORDS: Record<Audience["kind"], string> = {
  student: "Student",
  family: "Family",
  band: "Band",
  lesson: "Lesson",
  note: "Lesson note",
  all_students: "Everyone",
  public: "Public",
};

/**
 * A "share with" select's value: `student:<id>`, `family:<id>`, `band:<id>`, `lesson:<id>`,
 * `all_students`, `public` — one field, so the choice works without script.
 */
export const audienceValue = (kind: "student" | "family" | "band" | "lesson", id: string) => `${kind}:${id}`;

export function parseAudience(value: string): Audience | undefined {
  if (value === "all_students" || value === "public") return { kind: value };
  const match = /^(student|family|band|lesson):([\w-]{1,64})$/.exec(value);
  return match ? { kind: match[1] as "student" | "family" | "band" | "lesson", id: match[2]! } : undefined;
}

export interface AudienceGroup {
  label: string;
  options: { value: string; label: string }[];
}

/**
 * The choices of a "share with" select, grouped: the whole studio and the public page (admins),
 * then students, families and bands by name; what it is shared with already is left out.
 */
export function audienceGroups(
  lists: {
    isAdmin: boolean;
    students: { id: string; firstName: string; lastName: string }[];
    families?: { id: string; name: string }[];
    bands?: { id: string; name: string }[];
  },
  sharedKeys: readonly string[] = [],
): AudienceGroup[] {
  const shared = new Set(sharedKeys);
  const byName = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label);
  const group = (label: string, kind: "student" | "family" | "band", items: { id: string; label: string }[]) => ({
    label,
    options: items
      .filter((i) => !shared.has(`${kind}#${i.id}`))
      .map((i) => ({ value: audienceValue(kind, i.id), label: i.label }))
      .sort(byName),
  });
  const groups: AudienceGroup[] = [];
  if (lists.isAdmin) {
    const everyone = [
      { value: "all_students", label: "All students (each student and family)" },
      { value: "public", label: "The studio's public page (anyone)" },
    ].filter((o) => !shared.has(o.value));
    groups.push({ label: "Everyone", options: everyone });
  }
  groups.push(
    group(
      "Students",
      "student",
      lists.students.map((s) => ({ id: s.id, label: `${s.firstName} ${s.lastName}`.trim() })),
    ),
  );
  if (lists.families)
    groups.push(
      group(
        "Families",
        "family",
        lists.families.map((f) => ({ id: f.id, label: f.name })),
      ),
    );
  if (lists.bands)
    groups.push(
      group(
        "Bands",
        "band",
        lists.bands.map((b) => ({ id: b.id, label: b.name })),
      ),
    );
  return groups.filter((g) => g.options.length > 0);
}

/** The type of a document on a person's record. */
export const DOCUMENT_TYPE_WORDS: Record<(typeof DOCUMENT_TYPES)[number], string> = {
  consent: "Consent form",
  enrolment: "Enrolment form",
  medical: "Medical information",
  other: "Other document",
};
export const DOCUMENT_TYPE_OPTIONS = DOCUMENT_TYPES.map((t) => ({ value: t, label: DOCUMENT_TYPE_WORDS[t] }));
export const isDocumentType = (value: string): value is (typeof DOCUMENT_TYPES)[number] => (DOCUMENT_TYPES as readonly string[]).includes(value);

/** `/dashboard/studios/<id>/library[/<resourceId>][rest]` */
export const libraryHref = (base: string, resourceId?: string, rest = "") => `${base}/library${resourceId ? `/${encodeURIComponent(resourceId)}` : ""}${rest}`;

/** The site's address of a resource's file: the page redirects to a short-lived link from the API, so a page never holds one that expires. */
export function fileHref(prefix: string, options: { inline?: boolean; version?: number } = {}) {
  const query = new URLSearchParams({ ...(options.inline ? { disposition: "inline" } : {}), ...(options.version ? { version: String(options.version) } : {}) });
  const q = query.toString();
  return `${prefix}${q ? `?${q}` : ""}`;
}

/** The `disposition` and `version` a file address asks for (anything else: a download of the current version). */
export function fileQuery(url: URL): { disposition: "inline" | "attachment"; version?: number } {
  const disposition = url.searchParams.get("disposition") === "inline" ? "inline" : "attachment";
  const version = url.searchParams.get("version");
  return { disposition, ...(version && /^[1-9]\d{0,5}$/.test(version) ? { version: Number(version) } : {}) };
}

/**
 * A file address's answer from the API's download link: a redirect to the short-lived link (an
 * audio element, an iframe or a download follows it), or a plain 404 / 410 when the file is not
 * theirs (any more). Never kept in a cache: the link behind it is personal and short-lived.
 */
export function fileRedirect(result: { ok: true; data: { url: string } } | { ok: false; status: number }): Response {
  const headers = { "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex" };
  if (result.ok && /^https?:\/\//.test(result.data.url)) return new Response(null, { status: 302, headers: { ...headers, Location: result.data.url } });
  if (!result.ok && result.status >= 500) throw new Error(`A resource download answered ${result.status}`);
  const status = !result.ok && result.status === 410 ? 410 : 404;
  const body = status === 410 ? "This link has expired. Sign in to the studio's portal to find your materials." : "This file isn't available.";
  return new Response(body, { status, headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" } });
}

/** "Sam Scales, The Riveras and the studio's public page": a resource's audiences in a sentence. */
export function sharedWithWords(sharedWith: readonly { kind: string; label: string }[]): string {
  const names = sharedWith.map((a) => (a.kind === "public" ? "the studio's public page" : a.kind === "all_students" ? "all students" : a.label));
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}
