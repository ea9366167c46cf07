import { lessonLinks } from "@studiosync/core/scheduling";
import type { Fixtures, Owner, Session } from "./fixtures";
import { defineScenario, type AnyScenario } from "./scenario";

/**
 * The one API call behind each emailed action page (`/<studio>/act/<action>/<token>`): a family's
 * lesson three days out with a teacher free 08:00–20:00 every day; the cancel page's answer holds
 * the policy's outcome, the move page's the teacher's free slots over two weeks.
 */
type SignedIn = Owner & Session;
const EVERY_DAY_8_TO_20 = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: "08:00", end: "20:00" }));

async function familyLesson(fixtures: Fixtures) {
  const owner: SignedIn = await fixtures.signedInOwner();
  const studio = `/v1/studios/${owner.studioId}`;
  const auth = { token: owner.accessToken };
  const create = async (path: string, body: unknown) =>
    (await fixtures.expectJson<{ id: string }>({ method: "POST", path: `${studio}${path}`, body, ...auth }, 201)).id;
  const teacherId = await create("/teachers", { firstName: "Ada", lastName: "Keys" });
  await fixtures.expectJson({ method: "PUT", path: `${studio}/availability/${teacherId}`, body: { weeklyHours: EVERY_DAY_8_TO_20 }, ...auth }, 200);
  const familyId = await create("/families", { name: "The Okafors" });
  const email = `ife-${owner.studioId.slice(0, 8)}@bench.example`;
  await create(`/families/${familyId}/guardians`, { firstName: "Ife", lastName: "Okafor", relationship: "mother", email });
  const studentId = await create("/students", { firstName: "Tolu", lastName: "Okafor", familyId, primaryTeacherId: teacherId });
  const start = new Date();
  start.setUTCDate(start.getUTCDate() + 3);
  start.setUTCHours(11, 0, 0, 0);
  const lesson = await fixtures.expectJson<{ id: string; scheduledStart: string }>(
    {
      method: "POST",
      path: `${studio}/lessons`,
      body: { type: "private", teacherId, studentId, scheduledStart: start.toISOString(), durationMinutes: 45 },
      ...auth,
    },
    201,
  );
  const links = lessonLinks(
    { studioId: owner.studioId, slug: owner.slug, timeZone: "Europe/London" },
    { lessonId: lesson.id, scheduledStart: lesson.scheduledStart, studentIds: [studentId], status: "scheduled" },
    email,
  );
  return Object.fromEntries(links.map((link) => [new URL(link.url).pathname.split("/")[3]!, new URL(link.url).pathname.split("/").pop()!]));
}

const linkView = (action: "cancel" | "move", what: string) =>
  defineScenario<Record<string, string>>({
    name: `GET /v1/public/lesson-links/${action}/{token} (${what})`,
    expectStatus: 200,
    setup: familyLesson,
    request: (tokens) => ({ path: `/v1/public/lesson-links/${action}/${tokens[action]}` }),
  });

export const lessonLinkScenarios: AnyScenario[] = [linkView("cancel", "the policy's outcome now"), linkView("move", "two weeks of free slots")];
