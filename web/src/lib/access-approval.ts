import type { AstroGlobal } from "astro";
import { field } from "./form";
import { problemMessage } from "./problem";
import { asUser } from "./session";

type Outcome = { ok: true } | { ok: false; status: number; message: string } | null;

/**
 * Approves a request to join, attaching the profile the admin chose (`profile`: an existing
 * teacher's / student's / family's id, or "new" to make one from the request). The request's role
 * and name travel in the form, so this is one write per step: the profile (a parent: the family, if
 * new, then their guardian record), then the approval that emails the invitation.
 */
export async function approveAccessRequest(
  astro: AstroGlobal,
  form: FormData,
  studioId: string,
  requestId: string,
  header: { "Idempotency-Key"?: string },
): Promise<Outcome> {
  const role = field(form, "role");
  const person = { firstName: field(form, "firstName"), lastName: field(form, "lastName"), email: field(form, "email") };
  const profile = field(form, "profile") || "new";
  const param = { studioId };
  const fail = (r: { status: number; problem: Parameters<typeof problemMessage>[0] }) => ({
    ok: false as const,
    status: r.status,
    message: problemMessage(r.problem),
  });

  let links: { teacherId?: string; studentId?: string; familyId?: string; guardianId?: string };
  if (role === "teacher" || role === "student") {
    if (profile !== "new") links = role === "teacher" ? { teacherId: profile } : { studentId: profile };
    else {
      const made =
        role === "teacher"
          ? await asUser(astro, (c) => c.v1.studios[":studioId"].teachers.$post({ param, json: person }))
          : await asUser(astro, (c) => c.v1.studios[":studioId"].students.$post({ param, json: person }));
      if (!made) return null;
      if (!made.ok) return fail(made);
      links = role === "teacher" ? { teacherId: made.data.id } : { studentId: made.data.id };
    }
  } else {
    let familyId = profile;
    if (profile === "new") {
      const family = await asUser(astro, (c) => c.v1.studios[":studioId"].families.$post({ param, json: { name: `${person.lastName} family` } }));
      if (!family) return null;
      if (!family.ok) return fail(family);
      familyId = family.data.id;
    }
    const guardian = await asUser(astro, (c) =>
      c.v1.studios[":studioId"].families[":familyId"].guardians.$post({ param: { studioId, familyId }, json: person }),
    );
    if (!guardian) return null;
    if (!guardian.ok) return fail(guardian);
    links = { familyId, guardianId: guardian.data.id };
  }
  const approved = await asUser(astro, (c) =>
    c.v1.studios[":studioId"]["access-requests"][":requestId"].approve.$post({ param: { studioId, requestId }, json: links, header }),
  );
  if (!approved) return null;
  return approved.ok ? { ok: true } : fail(approved);
}
