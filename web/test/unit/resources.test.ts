import { describe, expect, it } from "vitest";
import {
  audienceGroups,
  checkFile,
  contentTypeFor,
  fileHref,
  fileQuery,
  fileRedirect,
  parseAudience,
  previewOf,
  resourceBody,
  resourceValuesFrom,
  resourceValuesOf,
  sharedWithWords,
  storageUsage,
  titleFromFileName,
} from "../../src/lib/resources";

const MB = 1024 * 1024;
const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) data.set(name, value);
  return data;
};

describe("the files the library takes", () => {
  it("declares the browser's type when the library takes it, else the one the extension names", () => {
    expect(contentTypeFor("Duet.mp3", "audio/mpeg")).toBe("audio/mpeg");
    expect(contentTypeFor("Scales.PDF", "")).toBe("application/pdf");
    expect(contentTypeFor("Riff.gp5", "application/octet-stream")).toBe("application/x-guitar-pro");
    expect(contentTypeFor("Score.mxl", "")).toBe("application/vnd.recordare.musicxml");
    expect(contentTypeFor("Score.musicxml", "")).toBe("application/vnd.recordare.musicxml+xml");
    expect(contentTypeFor("Take.m4a", "audio/x-m4a")).toBe("audio/x-m4a");
    expect(contentTypeFor("Groove.mid", "")).toBe("audio/midi");
    expect(contentTypeFor("notes.txt", "text/plain;charset=utf-8")).toBe("text/plain");
    expect(contentTypeFor("Essay.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")).toBeUndefined();
    expect(contentTypeFor("no-extension", "")).toBeUndefined();
  });

  it("refuses, in words, no file, a type it doesn't take, and a file over its kind's cap", () => {
    expect(checkFile(null)).toEqual({ ok: false, message: "Choose a file to upload." });
    expect(checkFile({ name: "empty.pdf", size: 0, type: "application/pdf" }).ok).toBe(false);
    const word = checkFile({ name: "Essay.docx", size: 10, type: "application/msword" });
    expect(word.ok ? "" : word.message).toMatch(/^“Essay.docx” isn't a kind of file the library takes\. It takes PDF, images/);
    const big = checkFile({ name: "Concert.mp3", size: 201 * MB, type: "audio/mpeg" });
    expect(big.ok ? "" : big.message).toBe("“Concert.mp3” is 201 MB; an audio recording can be at most 200 MB.");
    const pdf = checkFile({ name: "Book.pdf", size: 51 * MB, type: "application/pdf" });
    expect(pdf.ok ? "" : pdf.message).toBe("“Book.pdf” is 51 MB; a PDF can be at most 50 MB.");
    expect(checkFile({ name: "Duet.mp3", size: 5 * MB, type: "audio/mpeg" })).toEqual({ ok: true, contentType: "audio/mpeg", kind: "audio" });
  });

  it("previews audio, video, PDFs and images in place, and nothing else", () => {
    expect(["audio", "video", "pdf", "image", "midi", "musicxml", "guitar_pro", "text"].map(previewOf)).toEqual([
      "audio",
      "video",
      "pdf",
      "image",
      null,
      null,
      null,
      null,
    ]);
  });
});

describe("the studio's storage", () => {
  it("reads as used of the limit, with a bar that never overflows and warns when nearly full", () => {
    expect(storageUsage(2.3 * MB, 10 * 1024 * MB)).toEqual({ text: "2.3 MB of 10 GB", percent: 0, nearlyFull: false });
    expect(storageUsage(5 * 1024 * MB, 10 * 1024 * MB)).toMatchObject({ text: "5 GB of 10 GB", percent: 50 });
    expect(storageUsage(9.5 * 1024 * MB, 10 * 1024 * MB)).toMatchObject({ percent: 95, nearlyFull: true });
    expect(storageUsage(11 * 1024 * MB, 10 * 1024 * MB).percent).toBe(100);
  });
});

describe("the details form", () => {
  const typed = resourceValuesFrom(
    form({
      title: "  ",
      description: "Listen twice",
      instrument: "Piano",
      level: "",
      tags: "scales, exam, scales,",
      folder: "Grade 2",
      composer: "",
      piece: "",
    }),
  );

  it("sends a new resource without its blank fields, titled after the file when no title was typed", () => {
    expect(resourceBody(typed, "create", "Scales in C.mp3")).toEqual({
      title: "Scales in C",
      description: "Listen twice",
      instrument: "Piano",
      tags: ["scales", "exam"],
      folder: "Grade 2",
    });
  });

  it("clears blank fields of a change, and shows a saved resource as typed", () => {
    expect(resourceBody({ ...typed, title: "Scales" }, "update")).toEqual({
      title: "Scales",
      description: "Listen twice",
      instrument: "Piano",
      level: null,
      tags: ["scales", "exam"],
      folder: "Grade 2",
      composer: null,
      piece: null,
    });
    const saved = {
      title: "Duet",
      description: null,
      instrument: "Violin",
      level: null,
      tags: ["duet", "ensemble"],
      folder: null,
      composer: "Bach",
      piece: null,
    };
    expect(resourceValuesOf(saved)).toMatchObject({ title: "Duet", description: "", tags: "duet, ensemble", composer: "Bach" });
  });

  it("titles a file after its name without the extension", () => {
    expect(titleFromFileName("Minuet in G.musicxml")).toBe("Minuet in G");
    expect(titleFromFileName("README")).toBe("README");
  });
});

describe("sharing choices", () => {
  const students = [
    { id: "s2", firstName: "Zoe", lastName: "Adams" },
    { id: "s1", firstName: "Ana", lastName: "Rivera" },
  ];

  it("round-trips a select's value to the API's audience, and refuses anything else", () => {
    expect(parseAudience("student:0193abc-1")).toEqual({ kind: "student", id: "0193abc-1" });
    expect(parseAudience("band:b1")).toEqual({ kind: "band", id: "b1" });
    expect(parseAudience("all_students")).toEqual({ kind: "all_students" });
    expect(parseAudience("public")).toEqual({ kind: "public" });
    expect(parseAudience("")).toBeUndefined();
    expect(parseAudience("note:x")).toBeUndefined();
    expect(parseAudience("student:a/b")).toBeUndefined();
  });

  it("offers a teacher their students by name; an admin the whole studio, families and bands too, less what it is shared with", () => {
    expect(audienceGroups({ isAdmin: false, students })).toEqual([
      {
        label: "Students",
        options: [
          { value: "student:s1", label: "Ana Rivera" },
          { value: "student:s2", label: "Zoe Adams" },
        ],
      },
    ]);
    const admin = audienceGroups({ isAdmin: true, students, families: [{ id: "f1", name: "The Riveras" }], bands: [] }, ["public", "student#s1"]);
    expect(admin.map((g) => [g.label, g.options.map((o) => o.value)])).toEqual([
      ["Everyone", ["all_students"]],
      ["Students", ["student:s2"]],
      ["Families", ["family:f1"]],
    ]);
  });
});

describe("file addresses", () => {
  it("ask for a file inline or as a download, of a version", () => {
    expect(fileHref("/x/file")).toBe("/x/file");
    expect(fileHref("/x/file", { inline: true })).toBe("/x/file?disposition=inline");
    expect(fileHref("/x/file", { version: 2 })).toBe("/x/file?version=2");
    expect(fileQuery(new URL("http://site/x/file?disposition=inline&version=3"))).toEqual({ disposition: "inline", version: 3 });
    expect(fileQuery(new URL("http://site/x/file?disposition=evil&version=0"))).toEqual({ disposition: "attachment" });
  });

  it("redirect to the API's short-lived link, uncached; a refusal is a 404, an expired link a 410", async () => {
    const found = fileRedirect({ ok: true, data: { url: "http://127.0.0.1:4569/bucket/key?X-Amz-Signature=abc" } });
    expect(found.status).toBe(302);
    expect(found.headers.get("location")).toBe("http://127.0.0.1:4569/bucket/key?X-Amz-Signature=abc");
    expect(found.headers.get("cache-control")).toBe("private, no-store");
    expect(fileRedirect({ ok: true, data: { url: "javascript:alert(1)" } }).status).toBe(404);
    expect(fileRedirect({ ok: false, status: 403 }).status).toBe(404);
    const gone = fileRedirect({ ok: false, status: 410 });
    expect(gone.status).toBe(410);
    expect(await gone.text()).toMatch(/sign in/i);
    expect(() => fileRedirect({ ok: false, status: 503 })).toThrow();
  });
});

describe("whom a file is shared with, in a sentence", () => {
  it("names each audience, the whole studio and the public page in words", () => {
    expect(sharedWithWords([])).toBe("");
    expect(sharedWithWords([{ kind: "public", label: "Public page" }])).toBe("the studio's public page");
    expect(
      sharedWithWords([
        { kind: "student", label: "Sam Scales" },
        { kind: "family", label: "The Riveras" },
        { kind: "all_students", label: "All students" },
      ]),
    ).toBe("Sam Scales, The Riveras and all students");
  });
});
