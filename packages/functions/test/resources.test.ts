import { beforeAll, describe, expect, it } from "vitest";
import { describeObject, readObjectStart } from "@studiosync/core/files";
import { resourcesDb } from "@studiosync/core/resources";
import { extractLink, outboxDrained, readMail } from "@studiosync/local/testing";
import { announceMaterials } from "../src/modules/resources/jobs/announce-materials";
import { purgeTrash } from "../src/modules/resources/jobs/purge-trash";
import { api, ownerWithStudio } from "./support/api";
import { familyWithGuardian } from "./support/households";
import { booked, futureAt } from "./support/lessons";
import { memberWithRole, type Member } from "./support/members";
import { addStudent, addTeacher } from "./support/people";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const MP3 = Buffer.concat([Buffer.from("ID3\u0003\u0000\u0000\u0000\u0000\u0000\u0000", "latin1"), Buffer.alloc(2048, 0x55)]);
const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
const DAY = 86_400_000;

let owner: Owner;
let other: Owner;
let teacherA: { id: string };
let student: { id: string; email?: string };
let sibling: { id: string };
let outsider: { id: string };
let familyId: string;
const as: Record<string, Member> = {};
const studio = (rest: string, o: Owner = owner) => `/v1/studios/${o.studio.id}${rest}`;
const tokenOf = (who: string) => (who === "owner" ? owner.accessToken : who === "other" ? other.accessToken : as[who]!.accessToken);
const call = (who: string, method: string, rest: string, body?: unknown) => api(method, studio(rest), { token: tokenOf(who), body });

/** Presign, PUT the bytes straight to storage (s3rver), and answer the key. */
async function upload(who: string, bytes: Buffer, contentType: string, fileName: string, declaredSize = bytes.length) {
  const res = await call(who, "POST", "/resources/uploads", { fileName, contentType, size: declaredSize });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  // A client lying about the size sends its own Content-Length (s3rver checks no signature; S3 would refuse it, hence the confirm's own check).
  const headers = { ...res.body.headers } as Record<string, string>;
  if (declaredSize !== bytes.length) delete headers["Content-Length"];
  const put = await fetch(res.body.uploadUrl, { method: "PUT", headers, body: bytes });
  expect(put.status).toBe(200);
  return res.body.key as string;
}

async function newResource(who: string, bytes = MP3, contentType = "audio/mpeg", fileName = "Scales in G.mp3", extra: Record<string, unknown> = {}) {
  const key = await upload(who, bytes, contentType, fileName);
  const res = await call(who, "POST", "/resources", { key, fileName, contentType, title: fileName.replace(/\.\w+$/, ""), ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; version: number; size: number; sharedWith: { key: string }[] } & Record<string, unknown>;
}

async function fetchFile(url: string) {
  const res = await fetch(url);
  return { status: res.status, disposition: res.headers.get("content-disposition"), bytes: Buffer.from(await res.arrayBuffer()) };
}

const storageBytes = async (o: Owner = owner) => (await resourcesDb().entities.studio.get({ studioId: o.studio.id }).go()).data?.storageBytes ?? 0;

beforeAll(async () => {
  [owner, other] = await Promise.all([ownerWithStudio(), ownerWithStudio()]);
  const [a, b] = await Promise.all([addTeacher(owner), addTeacher(owner)]);
  teacherA = a;
  ({ familyId } = await familyWithGuardian(owner, "Chen Family"));
  [student, sibling, outsider] = await Promise.all([
    addStudent(owner, { primaryTeacherId: a.id, familyId, email: `emma-${Date.now()}@example.test` }),
    addStudent(owner, { primaryTeacherId: a.id, familyId }),
    addStudent(owner, { primaryTeacherId: b.id }),
  ]);
  const [admin, teacherOwn, teacherOther, studentSelf, studentOut, parent] = await Promise.all([
    memberWithRole(owner, "admin"),
    memberWithRole(owner, "teacher", { teacherId: a.id }),
    memberWithRole(owner, "teacher", { teacherId: b.id }),
    memberWithRole(owner, "student", { studentId: student.id }),
    memberWithRole(owner, "student", { studentId: outsider.id }),
    memberWithRole(owner, "parent", { familyId, guardianId: "g1" }),
  ]);
  Object.assign(as, { admin, teacherOwn, teacherOther, studentSelf, studentOut, parent });
});

describe("upload → confirm → share → download", () => {
  it("a teacher's recording shared with their student: the student and the family download it, others cannot, another studio gets 404", async () => {
    const before = await storageBytes();
    const resource = await newResource("teacherOwn");
    expect(resource).toMatchObject({ kind: "audio", version: 1, size: MP3.length, totalBytes: MP3.length, location: "library", sharedWith: [] });
    expect(await storageBytes()).toBe(before + MP3.length);

    // Not shared yet: the family sees nothing.
    expect((await call("studentSelf", "GET", `/resources/${resource.id}/download`)).status).toBe(404);
    expect((await call("studentSelf", "GET", "/resources/mine")).body.items).toEqual([]);

    const shared = await call("teacherOwn", "POST", `/resources/${resource.id}/shares`, { audience: { kind: "student", id: student.id } });
    expect(shared.status, JSON.stringify(shared.body)).toBe(200);
    expect(shared.body.sharedWith).toEqual([expect.objectContaining({ key: `student#${student.id}`, kind: "student" })]);

    for (const who of ["studentSelf", "parent"]) {
      const mine = await call(who, "GET", "/resources/mine");
      expect(mine.status).toBe(200);
      expect(mine.body.items.map((m: { id: string }) => m.id)).toContain(resource.id);
      const link = await call(who, "GET", `/resources/${resource.id}/download`);
      expect(link.status, JSON.stringify(link.body)).toBe(200);
      expect(link.body).toMatchObject({ fileName: "Scales in G.mp3", contentType: "audio/mpeg", size: MP3.length });
      const file = await fetchFile(link.body.url);
      expect(file.status).toBe(200);
      expect(file.bytes.equals(MP3)).toBe(true);
      expect(file.disposition).toContain(`filename="Scales in G.mp3"`);
    }
    const inline = await call("studentSelf", "GET", `/resources/${resource.id}/download?disposition=inline`);
    expect((await fetchFile(inline.body.url)).disposition).toMatch(/^inline;/);

    // Another household, another studio: as if it did not exist.
    expect((await call("studentOut", "GET", `/resources/${resource.id}/download`)).status).toBe(404);
    expect((await call("studentOut", "GET", "/resources/mine")).body.items).toEqual([]);
    expect((await api("GET", studio(`/resources/${resource.id}`, other), { token: other.accessToken })).status).toBe(404);
    expect((await api("GET", studio(`/resources/${resource.id}/download`, other), { token: other.accessToken })).status).toBe(404);
    // Families never browse the library.
    expect((await call("parent", "GET", "/resources")).status).toBe(403);
    // A teacher shares only with their own students; the whole studio is the admins'.
    const notTheirs = await call("teacherOther", "POST", `/resources/${resource.id}/shares`, { audience: { kind: "student", id: student.id } });
    expect(notTheirs.status).toBe(403);
    expect((await call("teacherOwn", "POST", `/resources/${resource.id}/shares`, { audience: { kind: "all_students" } })).body.code).toBe(
      "resource.share_not_allowed",
    );

    // Stop sharing: gone from the materials and the download.
    const stopped = await call("teacherOwn", "DELETE", `/resources/${resource.id}/shares/${encodeURIComponent(`student#${student.id}`)}`);
    expect(stopped.status, JSON.stringify(stopped.body)).toBe(200);
    expect((await call("studentSelf", "GET", `/resources/${resource.id}/download`)).status).toBe(404);
  });

  it("a lesson's materials reach its students, and the lesson page lists them", async () => {
    const lesson = await booked(owner, { teacherId: teacherA.id, studentId: sibling.id, scheduledStart: futureAt(5, 15) });
    const resource = await newResource("teacherOwn", PDF, "application/pdf", "Minuet.pdf");
    const shared = await call("teacherOwn", "POST", `/resources/${resource.id}/shares`, { audience: { kind: "lesson", id: lesson.id } });
    expect(shared.status, JSON.stringify(shared.body)).toBe(200);
    const materials = await call("teacherOwn", "GET", `/lessons/${lesson.id}/materials`);
    expect(materials.body.items.map((r: { id: string }) => r.id)).toEqual([resource.id]);
    expect(materials.body).not.toHaveProperty("library");
    // The lesson page's one read: the materials with the library's newest files to share from.
    const library = await call("owner", "GET", "/resources?shelf=library&limit=100");
    const withLibrary = await call("teacherOwn", "GET", `/lessons/${lesson.id}/materials?include=library`);
    expect(withLibrary.status, JSON.stringify(withLibrary.body)).toBe(200);
    expect(withLibrary.body.items.map((r: { id: string }) => r.id)).toEqual([resource.id]);
    expect(withLibrary.body.library.map((r: { id: string }) => r.id)).toEqual(library.body.items.map((r: { id: string }) => r.id));
    expect(withLibrary.body.library[0].id).toBe(resource.id);
    expect((await call("teacherOwn", "GET", `/lessons/${lesson.id}/materials?include=trash`)).status).toBe(422);
    expect((await call("parent", "GET", `/lessons/${lesson.id}/materials?include=library`)).status).toBe(403);
    // Another studio: 404 in this one; in its own, none of this studio's files.
    expect((await api("GET", studio(`/lessons/${lesson.id}/materials?include=library`), { token: other.accessToken })).status).toBe(404);
    const theirs = await api("GET", studio(`/lessons/${lesson.id}/materials?include=library`, other), { token: other.accessToken });
    expect([...theirs.body.items, ...theirs.body.library].map((r: { id: string }) => r.id)).not.toContain(resource.id);
    // The family (the sibling's) has it; the student who is not in the lesson does not.
    expect((await call("parent", "GET", "/resources/mine")).body.items.map((m: { id: string }) => m.id)).toContain(resource.id);
    expect((await call("studentSelf", "GET", "/resources/mine")).body.items.map((m: { id: string }) => m.id)).not.toContain(resource.id);
  });
});

describe("the public page", () => {
  it("lists what an admin shares publicly and downloads it without signing in; unshared, it is gone", async () => {
    const resource = await newResource("admin", PDF, "application/pdf", "Open day flyer.pdf");
    expect((await call("admin", "POST", `/resources/${resource.id}/shares`, { audience: { kind: "public" } })).status).toBe(200);
    const listed = await api("GET", `/v1/public/studios/${owner.studio.slug}/resources`);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((r: { id: string }) => r.id)).toContain(resource.id);
    const link = await api("GET", `/v1/public/studios/${owner.studio.slug}/resources/${resource.id}/download`);
    expect(link.status).toBe(200);
    expect((await fetchFile(link.body.url)).bytes.equals(PDF)).toBe(true);
    // Another studio's address does not reach it.
    expect((await api("GET", `/v1/public/studios/${other.studio.slug}/resources/${resource.id}/download`)).status).toBe(404);
    await call("admin", "DELETE", `/resources/${resource.id}/shares/public`);
    expect((await api("GET", `/v1/public/studios/${owner.studio.slug}/resources`)).body.items.map((r: { id: string }) => r.id)).not.toContain(resource.id);
    expect((await api("GET", `/v1/public/studios/${owner.studio.slug}/resources/${resource.id}/download`)).status).toBe(404);
  });
});

describe("the stored object is checked, and refused objects are deleted", () => {
  it("an over-size file (declared small) is refused after the upload, and the object is gone", async () => {
    const big = Buffer.concat([Buffer.from("MThd\u0000\u0000\u0000\u0006", "latin1"), Buffer.alloc(5 * 1024 * 1024 + 10, 0)]);
    const key = await upload("teacherOwn", big, "audio/midi", "big.mid", 100);
    const before = await storageBytes();
    const res = await call("teacherOwn", "POST", "/resources", { key, fileName: "big.mid", contentType: "audio/midi", title: "Big" });
    expect(res.status, JSON.stringify(res.body)).toBe(413);
    expect(res.body.code).toBe("resource.too_large");
    expect(await describeObject(key)).toBeNull();
    expect(await storageBytes()).toBe(before);
  });

  it("a file whose bytes are not its declared type is refused (422) and deleted; a foreign or made-up key is refused", async () => {
    const key = await upload("teacherOwn", PNG, "application/pdf", "not-a.pdf");
    const res = await call("teacherOwn", "POST", "/resources", { key, fileName: "not-a.pdf", contentType: "application/pdf", title: "Fake" });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: "contentType" })]);
    expect(await describeObject(key)).toBeNull();

    const foreign = await api("POST", studio("/resources/uploads", other), {
      token: other.accessToken,
      body: { fileName: "a.pdf", contentType: "application/pdf", size: PDF.length },
    });
    const stolen = await call("teacherOwn", "POST", "/resources", {
      key: foreign.body.key,
      fileName: "a.pdf",
      contentType: "application/pdf",
      title: "Stolen",
    });
    expect(stolen.status).toBe(422);
    expect(stolen.body.errors).toEqual([expect.objectContaining({ path: "key" })]);
    const traversal = await call("teacherOwn", "POST", "/resources", {
      key: `${owner.studio.id}/resources/../branding/x.pdf`,
      fileName: "a.pdf",
      contentType: "application/pdf",
      title: "x",
    });
    expect(traversal.status).toBe(422);
  });

  it("refuses a declared size over the type's cap before anything is uploaded, and types outside the list", async () => {
    const res = await call("teacherOwn", "POST", "/resources/uploads", { fileName: "huge.pdf", contentType: "application/pdf", size: 60 * 1024 * 1024 });
    expect(res.status).toBe(413);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: "size" })]);
    const exe = await call("teacherOwn", "POST", "/resources/uploads", { fileName: "x.exe", contentType: "application/x-msdownload", size: 10 });
    expect(exe.status).toBe(422);
    expect((await call("parent", "POST", "/resources/uploads", { fileName: "a.pdf", contentType: "application/pdf", size: 10 })).status).toBe(403);
  });

  it("a confirmed upload cannot be confirmed again (its bytes count once)", async () => {
    const key = await upload("admin", PDF, "application/pdf", "Once.pdf");
    const body = { key, fileName: "Once.pdf", contentType: "application/pdf", title: "Once" };
    expect((await call("admin", "POST", "/resources", body)).status).toBe(201);
    const before = await storageBytes();
    const again = await call("admin", "POST", "/resources", body);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("resource.already_confirmed");
    expect(await storageBytes()).toBe(before);
    expect(await describeObject(key)).not.toBeNull();
  });
});

describe("versions, trash and purge", () => {
  it("a new version keeps the old one; the trash hides it from families; restore brings it back; the purge deletes it for good and counts its bytes off", async () => {
    const before = await storageBytes();
    const resource = await newResource("teacherOwn", PDF, "application/pdf", "Etude.pdf");
    await call("teacherOwn", "POST", `/resources/${resource.id}/shares`, { audience: { kind: "family", id: familyId } });
    const v2bytes = Buffer.concat([PDF, Buffer.from("% revised\n")]);
    const key = await upload("teacherOwn", v2bytes, "application/pdf", "Etude (revised).pdf");
    const v2 = await call("teacherOwn", "POST", `/resources/${resource.id}/versions`, { key, fileName: "Etude (revised).pdf", contentType: "application/pdf" });
    expect(v2.status, JSON.stringify(v2.body)).toBe(201);
    expect(v2.body).toMatchObject({ version: 2, size: v2bytes.length, totalBytes: PDF.length + v2bytes.length });
    expect(await storageBytes()).toBe(before + PDF.length + v2bytes.length);
    const detail = await call("admin", "GET", `/resources/${resource.id}`);
    expect(detail.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const v1 = await call("admin", "GET", `/resources/${resource.id}/download?version=1`);
    expect((await fetchFile(v1.body.url)).bytes.equals(PDF)).toBe(true);
    // Families get the current version only, named as it is now.
    const mine = await call("parent", "GET", "/resources/mine");
    expect(mine.body.items.find((m: { id: string }) => m.id === resource.id)).toMatchObject({ fileName: "Etude (revised).pdf", size: v2bytes.length });
    expect((await call("parent", "GET", `/resources/${resource.id}/download?version=1`)).status).toBe(404);
    // Someone else's file: the other teacher may not replace or delete it.
    expect((await call("teacherOther", "DELETE", `/resources/${resource.id}`)).status).toBe(403);

    const trashed = await call("teacherOwn", "DELETE", `/resources/${resource.id}`);
    expect(trashed.status, JSON.stringify(trashed.body)).toBe(200);
    expect(trashed.body).toMatchObject({ location: "trash" });
    expect((await call("parent", "GET", "/resources/mine")).body.items.map((m: { id: string }) => m.id)).not.toContain(resource.id);
    expect((await call("parent", "GET", `/resources/${resource.id}/download`)).status).toBe(404);
    const trash = await call("admin", "GET", "/resources?shelf=trash");
    expect(trash.body.items.map((r: { id: string }) => r.id)).toContain(resource.id);
    const restored = await call("teacherOwn", "POST", `/resources/${resource.id}/restore`);
    expect(restored.status, JSON.stringify(restored.body)).toBe(200);
    expect((await call("parent", "GET", "/resources/mine")).body.items.map((m: { id: string }) => m.id)).toContain(resource.id);
    const again = await call("parent", "GET", `/resources/${resource.id}/download`);
    expect((await fetchFile(again.body.url)).bytes.equals(v2bytes)).toBe(true);

    await call("teacherOwn", "DELETE", `/resources/${resource.id}`);
    const beforePurge = await storageBytes();
    const later = new Date(Date.now() + 31 * DAY);
    const [first, second] = [await purgeTrash(() => later)(), await purgeTrash(() => later)()];
    expect(first.purged).toBeGreaterThanOrEqual(1);
    expect(second.purged).toBe(0);
    expect(await storageBytes()).toBe(beforePurge - PDF.length - v2bytes.length);
    expect((await call("admin", "GET", `/resources/${resource.id}`)).status).toBe(404);
    expect(await describeObject(`trash/${key}`)).toBeNull();
  });
});

describe("the daily “New material” email", () => {
  it("one email per recipient per day, run twice sends once; its link plays the material without signing in", async () => {
    const o = await ownerWithStudio();
    const t = await addTeacher(o);
    const { familyId: fam } = await familyWithGuardian(o, "Novak Family");
    const kid = await addStudent(o, { primaryTeacherId: t.id, familyId: fam });
    const key = (
      await api("POST", studio("/resources/uploads", o), { token: o.accessToken, body: { fileName: "Duet.mp3", contentType: "audio/mpeg", size: MP3.length } })
    ).body;
    await fetch(key.uploadUrl, { method: "PUT", headers: key.headers, body: MP3 });
    const created = await api("POST", studio("/resources", o), {
      token: o.accessToken,
      body: { key: key.key, fileName: "Duet.mp3", contentType: "audio/mpeg", title: "Duet recording" },
    });
    const second = await api("POST", studio("/resources/uploads", o), {
      token: o.accessToken,
      body: { fileName: "Sheet.pdf", contentType: "application/pdf", size: PDF.length },
    });
    await fetch(second.body.uploadUrl, { method: "PUT", headers: second.body.headers, body: PDF });
    const sheet = await api("POST", studio("/resources", o), {
      token: o.accessToken,
      body: { key: second.body.key, fileName: "Sheet.pdf", contentType: "application/pdf", title: "Duet sheet" },
    });
    for (const id of [created.body.id, sheet.body.id]) {
      const res = await api("POST", studio(`/resources/${id}/shares`, o), { token: o.accessToken, body: { audience: { kind: "student", id: kid.id } } });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    const tomorrow = new Date(Date.now() + DAY);
    const first = await announceMaterials(() => tomorrow)();
    const again = await announceMaterials(() => tomorrow)();
    expect(first.sent).toBeGreaterThanOrEqual(1);
    expect(again.sent).toBe(0);
    await outboxDrained(o.studio.id);
    const mails = await readMail("maria@example.test", { subject: "new materials", count: 1, since: Math.floor(Date.now() / 1000) - 60 });
    const mine = mails.filter((m) => m.subject.includes(o.studio.name) || (m.body.text ?? "").includes(o.studio.slug));
    expect(mine).toHaveLength(1);
    const text = mine[0]!.body.text ?? "";
    expect(text).toContain("Duet recording");
    expect(text).toContain("Duet sheet");
    expect(text).toMatch(/unsubscribe/i);
    const link = new URL(extractLink(text, `/${o.studio.slug}/materials/`));
    const token = decodeURIComponent(link.pathname.split("/").pop()!);
    const page = await api("GET", `/v1/public/materials/${encodeURIComponent(token)}`);
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    expect(page.body.items.map((m: { title: string }) => m.title).sort()).toEqual(["Duet recording", "Duet sheet"]);
    const play = await api("GET", `/v1/public/materials/${encodeURIComponent(token)}/${created.body.id}/download?disposition=inline`);
    expect(play.status).toBe(200);
    expect((await fetchFile(play.body.url)).bytes.equals(MP3)).toBe(true);
    // The link opens this household's materials only.
    expect((await api("GET", `/v1/public/materials/${encodeURIComponent(token)}/${sheet.body.id}x/download`)).status).toBe(404);
    expect((await api("GET", `/v1/public/materials/${encodeURIComponent(`${token}x`)}`)).status).toBe(400);
  });
});

describe("documents on a person's record", () => {
  it("are staff-only, go into the person's privacy export with their bytes, and are deleted by erasure", async () => {
    const doc = await newResource("admin", PDF, "application/pdf", "Consent.pdf", { person: { kind: "student", id: outsider.id }, documentType: "consent" });
    expect(doc).toMatchObject({ location: "documents", documentType: "consent", person: { kind: "student", id: outsider.id } });
    expect(
      (await call("admin", "GET", `/resources?shelf=documents&personKind=student&personId=${outsider.id}`)).body.items.map((r: { id: string }) => r.id),
    ).toEqual([doc.id]);
    // Not in the library; a teacher who does not teach the student does not see it.
    expect((await call("admin", "GET", "/resources")).body.items.map((r: { id: string }) => r.id)).not.toContain(doc.id);
    expect((await call("teacherOwn", "GET", `/resources/${doc.id}`)).status).toBe(404);
    expect((await call("studentOut", "GET", `/resources/${doc.id}/download`)).status).toBe(404);

    const exported = await call("owner", "POST", "/privacy/exports", { subject: { type: "student", id: outsider.id } });
    expect(exported.status, JSON.stringify(exported.body)).toBe(202);
    const exportKey = `privacy-exports/${owner.studio.id}/student/${outsider.id}/${exported.body.exportId}.json`;
    const bytes = await readObjectStart(exportKey, 5 * 1024 * 1024);
    const document = JSON.parse(Buffer.from(bytes!).toString("utf8"));
    expect(document.documents).toEqual([
      expect.objectContaining({ id: doc.id, title: "Consent", documentType: "consent", contentBase64: PDF.toString("base64") }),
    ]);

    const before = await storageBytes();
    const erased = await call("owner", "POST", "/privacy/erasures", { subject: { type: "student", id: outsider.id } });
    expect(erased.status, JSON.stringify(erased.body)).toBe(200);
    expect((await call("admin", "GET", `/resources/${doc.id}`)).status).toBe(404);
    expect(await storageBytes()).toBe(before - PDF.length);
  });
});
