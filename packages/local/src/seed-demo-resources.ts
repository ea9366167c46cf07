import * as Resources from "@studiosync/core/resources";
import type { Actor } from "@studiosync/core/policy";

/** A short MP3 (an ID3 header and silence frames) and a one-page PDF: files the library takes. */
const MP3 = new Uint8Array([...Buffer.from("ID3\u0003\u0000\u0000\u0000\u0000\u0000\u0000", "latin1"), ...new Uint8Array(4096).fill(0x55)]);
const PDF = new TextEncoder().encode(
  "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
);

/** Uploads a file the way the site does (presign, PUT straight to storage, confirm) and answers the resource. */
async function upload(
  actor: Actor,
  studioId: string,
  bytes: Uint8Array,
  contentType: Resources.ResourceContentType,
  fileName: string,
  fields: Record<string, unknown>,
) {
  const presigned = await Resources.createUpload(actor, studioId, { fileName, contentType, size: bytes.length });
  const put = await fetch(presigned.uploadUrl, { method: "PUT", headers: presigned.headers, body: bytes });
  if (!put.ok) throw new Error(`Demo upload of ${fileName} answered ${put.status}`);
  return Resources.createResource(actor, studioId, Resources.createResourceSchema.parse({ key: presigned.key, fileName, contentType, ...fields }));
}

/**
 * The demo studio's library: Clara's recording of a minuet shared with Anika (in her materials and
 * the next "New material" email), and a scales worksheet the owner shares with every student.
 */
export async function seedDemoResources(actors: { owner: Actor; teacher: Actor }, studioId: string, people: { anika: string }): Promise<void> {
  const recording = await upload(actors.teacher, studioId, MP3, "audio/mpeg", "Minuet in G - slow practice.mp3", {
    title: "Minuet in G — slow practice recording",
    description: "Play along at this tempo before speeding up.",
    instrument: "Piano",
    level: "Grade 1",
    composer: "J. S. Bach (attr.)",
    piece: "Minuet in G major, BWV Anh. 114",
    tags: ["practice", "baroque"],
    folder: "Recordings",
  });
  await Resources.shareResource(actors.teacher, studioId, recording.id, { audience: { kind: "student", id: people.anika } });
  const worksheet = await upload(actors.owner, studioId, PDF, "application/pdf", "Major scales worksheet.pdf", {
    title: "Major scales worksheet",
    description: "Fingerings for C, G, D and F major, hands separately and together.",
    instrument: "Piano",
    tags: ["scales", "theory"],
    folder: "Worksheets",
  });
  await Resources.shareResource(actors.owner, studioId, worksheet.id, { audience: { kind: "all_students" } });
}
