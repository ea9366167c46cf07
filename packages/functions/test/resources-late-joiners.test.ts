import { catchUpMaterials, resourcesDb } from "@studiosync/core/resources";
import { beforeAll, describe, expect, it } from "vitest";
import { api, ownerWithStudio } from "./support/api";
import { familyWithGuardian } from "./support/households";
import { memberWithRole } from "./support/members";
import { addStudent } from "./support/people";
import { libraryPdf, share } from "./support/resources";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;
/** Each test uploads, shares, enrols and waits for the stream's catch-up. */
const SLOW = 60_000;
let owner: Owner;
const as = (method: string, rest: string, token = owner.accessToken) => api(method, `/v1/studios/${owner.studio.id}${rest}`, { token });

beforeAll(async () => {
  owner = await ownerWithStudio();
  // A student from before, so "all students" reaches someone when it is shared.
  await addStudent(owner, { firstName: "Early", lastName: "Bird" });
});

const mine = async (token: string) => {
  const res = await as("GET", "/resources/mine?limit=100", token);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body.items as { id: string; sharedAt: string }[]).map((m) => m.id);
};

/** Polls "My materials" until `done` holds (the catch-up runs from the table's stream, a moment after the write). */
async function eventually(token: string, done: (ids: string[]) => boolean, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const ids = await mine(token);
    if (done(ids) || Date.now() > until) return ids;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

const entryOf = async (inbox: string, resourceId: string) =>
  (await resourcesDb().entities.materialEntry.get({ studioId: owner.studio.id, inbox, resourceId }).go()).data;

describe("late joiners get the materials shared before", () => {
  it(
    "a student enrolled after an 'all students' share sees it (and their parents), dated when shared, never announced; stopping the share takes it away",
    async () => {
      const early = await libraryPdf(owner, "Welcome pack");
      const trashed = await libraryPdf(owner, "Old timetable");
      await share(owner, early, { kind: "all_students" });
      await share(owner, trashed, { kind: "all_students" });
      expect((await as("DELETE", `/resources/${trashed}`)).status).toBe(200);
      const { familyId, guardianId } = await familyWithGuardian(owner, "Latecomer Family");

      const late = await addStudent(owner, { firstName: "Lena", lastName: "Late", familyId });
      const [self, parent] = await Promise.all([
        memberWithRole(owner, "student", { studentId: late.id }),
        memberWithRole(owner, "parent", { guardianId, familyId }),
      ]);
      expect(await eventually(self.accessToken, (ids) => ids.includes(early))).toEqual([early]);
      expect(await eventually(parent.accessToken, (ids) => ids.includes(early))).toEqual([early]);

      // Old files are not news: no "New material" email is queued for them, and they keep their date.
      const entry = await entryOf(`student#${late.id}`, early);
      expect(entry?.digestDay).toBeUndefined();
      const { data: shareItem } = await resourcesDb()
        .entities.resourceShare.get({ studioId: owner.studio.id, resourceId: early, audienceKey: "all_students" })
        .go();
      expect(entry?.sharedAt).toBe(shareItem?.sharedAt);
      expect((await entryOf(`family#${familyId}`, early))?.digestDay).toBeUndefined();

      // Catching up again writes nothing more.
      expect(await catchUpMaterials(owner.studio.id, late.id, { kind: "student" })).toBe(0);

      // Stopping the share takes it from the late joiner too.
      expect((await as("DELETE", `/resources/${early}/shares/all_students`)).status).toBe(200);
      expect(await mine(self.accessToken)).toEqual([]);
      expect(await mine(parent.accessToken)).toEqual([]);
      expect(await catchUpMaterials(owner.studio.id, late.id, { kind: "student" })).toBe(0);
    },
    SLOW,
  );

  it(
    "a student added to a band later gets the band's earlier shares; stopping the band share takes it away",
    async () => {
      const band = await api("POST", `/v1/studios/${owner.studio.id}/bands`, { token: owner.accessToken, body: { name: "Late Quavers" } });
      expect(band.status, JSON.stringify(band.body)).toBe(201);
      const bandId = band.body.id as string;
      const first = await addStudent(owner, { firstName: "Fay", lastName: "First" });
      expect((await as("PUT", `/bands/${bandId}/members/${first.id}`)).status).toBe(200);
      const parts = await libraryPdf(owner, "Band parts");
      await share(owner, parts, { kind: "band", id: bandId });

      const joiner = await addStudent(owner, { firstName: "Jo", lastName: "Joiner" });
      const self = await memberWithRole(owner, "student", { studentId: joiner.id });
      expect(await eventually(self.accessToken, (ids) => ids.length > 0, 3_000)).not.toContain(parts);
      expect((await as("PUT", `/bands/${bandId}/members/${joiner.id}`)).status).toBe(200);
      expect(await eventually(self.accessToken, (ids) => ids.includes(parts))).toContain(parts);
      expect((await entryOf(`student#${joiner.id}`, parts))?.digestDay).toBeUndefined();

      // Stopping the band share takes it away again.
      expect((await as("DELETE", `/resources/${parts}/shares/${encodeURIComponent(`band#${bandId}`)}`)).status).toBe(200);
      expect(await mine(self.accessToken)).not.toContain(parts);
    },
    SLOW,
  );
});
