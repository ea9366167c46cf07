import type { AstroGlobal } from "astro";
import { asUser } from "./session";
import { fullName, type PeopleKind } from "./people";

/** One record of any kind, as a name (for confirmation pages); null when signed out. */
export async function recordName(astro: AstroGlobal, studioId: string, kind: PeopleKind, id: string) {
  const s = (c: Parameters<Parameters<typeof asUser>[1]>[0]) => c.v1.studios[":studioId"];
  const result =
    kind === "students"
      ? await asUser(astro, (c) => s(c).students[":studentId"].$get({ param: { studioId, studentId: id } }))
      : kind === "families"
        ? await asUser(astro, (c) => s(c).families[":familyId"].$get({ param: { studioId, familyId: id } }))
        : kind === "teachers"
          ? await asUser(astro, (c) => s(c).teachers[":teacherId"].$get({ param: { studioId, teacherId: id } }))
          : await asUser(astro, (c) => s(c).bands[":bandId"].$get({ param: { studioId, bandId: id } }));
  if (!result) return null;
  if (!result.ok) return { ok: false as const, status: result.status, problem: result.problem };
  const data = result.data as { name?: string; firstName?: string; lastName?: string };
  return { ok: true as const, name: data.name ?? fullName({ firstName: data.firstName ?? "", lastName: data.lastName ?? "" }) };
}

/** Soft-deletes (`deleted: true`) or restores a record of any kind. */
export function setDeleted(astro: AstroGlobal, studioId: string, kind: PeopleKind, id: string, deleted: boolean) {
  if (kind === "students") {
    const param = { studioId, studentId: id };
    return deleted
      ? asUser(astro, (c) => c.v1.studios[":studioId"].students[":studentId"].$delete({ param }))
      : asUser(astro, (c) => c.v1.studios[":studioId"].students[":studentId"].restore.$post({ param }));
  }
  if (kind === "families") {
    const param = { studioId, familyId: id };
    return deleted
      ? asUser(astro, (c) => c.v1.studios[":studioId"].families[":familyId"].$delete({ param }))
      : asUser(astro, (c) => c.v1.studios[":studioId"].families[":familyId"].restore.$post({ param }));
  }
  if (kind === "teachers") {
    const param = { studioId, teacherId: id };
    return deleted
      ? asUser(astro, (c) => c.v1.studios[":studioId"].teachers[":teacherId"].$delete({ param }))
      : asUser(astro, (c) => c.v1.studios[":studioId"].teachers[":teacherId"].restore.$post({ param }));
  }
  const param = { studioId, bandId: id };
  return deleted
    ? asUser(astro, (c) => c.v1.studios[":studioId"].bands[":bandId"].$delete({ param }))
    : asUser(astro, (c) => c.v1.studios[":studioId"].bands[":bandId"].restore.$post({ param }));
}

/** What deleting a record does, in words, for its confirmation page. */
export const DELETE_CONSEQUENCES: Record<PeopleKind, string> = {
  students: "They leave the student lists and can't be booked. Their lessons, attendance, notes and invoices are kept, and you can restore them later.",
  families: "The family leaves the lists. Its students, guardians and invoices are kept, and you can restore the family later.",
  teachers: "They leave the teacher lists and can't be booked. Their students keep them as their teacher, and you can restore them later.",
  bands: "The band leaves the lists. Its members and past lessons are kept, and you can restore the band later.",
};
