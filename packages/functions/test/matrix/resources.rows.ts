import { api } from "../support/api";
import { ADMINS, MEMBERS, s, type ActorName, type RowModule, type World } from "./rows";

const PDF = Buffer.from("%PDF-1.4\n%%EOF\n");
/** Staff: they upload and browse the library. */
const STAFF: ActorName[] = [...ADMINS, "teacherOwn", "teacherOther"];
/** Students and parents: they have their materials, never the library. */
const HOUSEHOLDS: ActorName[] = MEMBERS.filter((a) => !STAFF.includes(a));
/** Who changes R1 (uploaded by teacher A): admins and its uploader. */
const EDITORS: ActorName[] = [...ADMINS, "teacherOwn"];
/** R1 is shared with S1: staff, S1 and S1's parent download it. */
const READERS: ActorName[] = [...STAFF, "studentSelf", "parentOwn"];

/** A PDF uploaded straight to storage (not yet confirmed): its key. */
async function uploaded(w: World, token = w.tokens.teacherOwn!): Promise<string> {
  const res = await api("POST", s(w, "/resources/uploads"), { token, body: { fileName: "Matrix.pdf", contentType: "application/pdf", size: PDF.length } });
  if (res.status !== 200) throw new Error(`upload: ${res.status} ${JSON.stringify(res.body)}`);
  await fetch(res.body.uploadUrl, { method: "PUT", headers: res.body.headers, body: PDF });
  return res.body.key;
}

/** A library resource of teacher A, shared with S1. */
async function resource(w: World): Promise<{ id: string }> {
  const key = await uploaded(w);
  const token = w.tokens.teacherOwn!;
  const res = await api("POST", s(w, "/resources"), { token, body: { key, fileName: "Matrix.pdf", contentType: "application/pdf", title: "Matrix sheet" } });
  if (res.status !== 201) throw new Error(`resource: ${res.status} ${JSON.stringify(res.body)}`);
  await api("POST", s(w, `/resources/${res.body.id}/shares`), { token, body: { audience: { kind: "student", id: w.studentS1 } } });
  return res.body;
}

async function trashed(w: World): Promise<{ id: string }> {
  const r = await resource(w);
  await api("DELETE", s(w, `/resources/${r.id}`), { token: w.tokens.teacherOwn! });
  return r;
}

/** Uploaded keys for the confirm rows, one per call, refusals included (a confirmed key cannot be confirmed again). */
const KEYS_PER_POOL = 16;
const pools: Record<string, string[]> = {};
const nextKey = (w: World, pool: string) => ({ key: pools[pool]?.shift() ?? w.extra[`${pool}Spare`], fileName: "Matrix.pdf", contentType: "application/pdf" });

export const resourceRows: RowModule = {
  prepare: async (w) => {
    for (const pool of ["confirm", "version"]) pools[pool] = await Promise.all(Array.from({ length: KEYS_PER_POOL }, () => uploaded(w)));
    return { resourceR1: (await resource(w)).id, confirmSpare: await uploaded(w), versionSpare: await uploaded(w) };
  },
  rows: {
    "POST /v1/studios/{studioId}/resources/uploads": {
      action: "resource.upload",
      allow: STAFF,
      forbid: HOUSEHOLDS,
      path: (w) => s(w, "/resources/uploads"),
      body: () => ({ fileName: "Matrix.pdf", contentType: "application/pdf", size: PDF.length }),
    },
    "POST /v1/studios/{studioId}/resources": {
      action: "resource.upload",
      allow: STAFF,
      forbid: HOUSEHOLDS,
      path: (w) => s(w, "/resources"),
      body: (w) => ({ ...nextKey(w, "confirm"), title: "Matrix upload" }),
    },
    "GET /v1/studios/{studioId}/resources": { action: "resource.upload", allow: STAFF, forbid: HOUSEHOLDS, path: (w) => s(w, "/resources") },
    "GET /v1/studios/{studioId}/resources/mine": { action: "resource.materials", allow: HOUSEHOLDS, forbid: STAFF, path: (w) => s(w, "/resources/mine") },
    "GET /v1/studios/{studioId}/resources/{resourceId}": {
      action: "resource.view",
      allow: STAFF,
      forbid: HOUSEHOLDS,
      path: (w) => s(w, `/resources/${w.extra.resourceR1}`),
    },
    "PATCH /v1/studios/{studioId}/resources/{resourceId}": {
      action: "resource.edit",
      allow: EDITORS,
      forbid: [...HOUSEHOLDS, "teacherOther"],
      path: (w) => s(w, `/resources/${w.extra.resourceR1}`),
      body: () => ({ level: "Grade 2" }),
    },
    "DELETE /v1/studios/{studioId}/resources/{resourceId}": {
      action: "resource.edit",
      allow: EDITORS,
      forbid: [...HOUSEHOLDS, "teacherOther"],
      path: (w, t) => s(w, `/resources/${t}`),
      target: (w) => w.extra.resourceR1!,
      fresh: resource,
    },
    "POST /v1/studios/{studioId}/resources/{resourceId}/restore": {
      action: "resource.edit",
      allow: EDITORS,
      forbid: [...HOUSEHOLDS, "teacherOther"],
      path: (w, t) => s(w, `/resources/${t}/restore`),
      target: (w) => w.extra.resourceR1!,
      fresh: trashed,
    },
    "POST /v1/studios/{studioId}/resources/{resourceId}/versions": {
      action: "resource.edit",
      allow: EDITORS,
      forbid: [...HOUSEHOLDS, "teacherOther"],
      path: (w) => s(w, `/resources/${w.extra.resourceR1}/versions`),
      body: (w) => nextKey(w, "version"),
    },
    "POST /v1/studios/{studioId}/resources/{resourceId}/shares": {
      action: "resource.share",
      allow: EDITORS,
      forbid: [...HOUSEHOLDS, "teacherOther"],
      path: (w) => s(w, `/resources/${w.extra.resourceR1}/shares`),
      body: (w) => ({ audience: { kind: "student", id: w.studentS1 }, notify: false }),
    },
    "DELETE /v1/studios/{studioId}/resources/{resourceId}/shares/{audienceKey}": {
      action: "resource.edit",
      allow: EDITORS,
      forbid: [...HOUSEHOLDS, "teacherOther"],
      path: (w, t) => s(w, `/resources/${t}/shares/${encodeURIComponent(`student#${w.studentS1}`)}`),
      target: (w) => w.extra.resourceR1!,
      fresh: resource,
    },
    "GET /v1/studios/{studioId}/resources/{resourceId}/download": {
      action: "resource.view",
      allow: READERS,
      path: (w) => s(w, `/resources/${w.extra.resourceR1}/download`),
    },
    "GET /v1/studios/{studioId}/lessons/{lessonId}/materials": {
      action: "resource.upload",
      allow: STAFF,
      forbid: HOUSEHOLDS,
      path: (w) => s(w, `/lessons/${w.lessonL1}/materials`),
    },
  },
};
