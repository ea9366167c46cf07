import type { AstroGlobal } from "astro";
import { PERSONAL_FIELDS } from "@studiosync/core/privacy";
import { auditField } from "./audit-words";
import { fullName } from "./people";
import { asUser } from "./session";

export type Subject = { type: "student"; id: string } | { type: "teacher"; id: string } | { type: "guardian"; id: string; familyId: string };

/** The subject named by `?type=&id=` (and `family=` for a guardian), if the URL names one. */
export function subjectOf(url: URL): Subject | undefined {
  const type = url.searchParams.get("type");
  const id = url.searchParams.get("id")?.trim();
  const familyId = url.searchParams.get("family")?.trim();
  if (!id) return undefined;
  if (type === "student" || type === "teacher") return { type, id };
  if (type === "guardian" && familyId) return { type, id, familyId };
  return undefined;
}

export const subjectQuery = (s: Subject) =>
  `type=${s.type}&id=${encodeURIComponent(s.id)}${s.type === "guardian" ? `&family=${encodeURIComponent(s.familyId)}` : ""}`;

/** The subject's name, read with one call; undefined when there is no such person; null when signed out. */
export async function subjectName(astro: AstroGlobal, studioId: string, s: Subject): Promise<string | undefined | null> {
  if (s.type === "student") {
    const r = await asUser(astro, (c) => c.v1.studios[":studioId"].students[":studentId"].$get({ param: { studioId, studentId: s.id } }));
    return r === null ? null : r.ok ? fullName(r.data) : undefined;
  }
  if (s.type === "teacher") {
    const r = await asUser(astro, (c) => c.v1.studios[":studioId"].teachers[":teacherId"].$get({ param: { studioId, teacherId: s.id } }));
    return r === null ? null : r.ok ? fullName(r.data) : undefined;
  }
  const r = await asUser(astro, (c) => c.v1.studios[":studioId"].families[":familyId"].$get({ param: { studioId, familyId: s.familyId } }));
  if (r === null) return null;
  const guardian = r.ok ? r.data.guardians.find((g) => g.id === s.id) : undefined;
  return guardian ? fullName(guardian) : undefined;
}

/** What erasure removes from a person of this type, in words ("email, phone, date of birth"). */
export const erasedWords = (type: Subject["type"]) =>
  PERSONAL_FIELDS[type]
    .filter((f) => f !== "importHash")
    .map(auditField)
    .join(", ");
