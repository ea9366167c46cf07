import type { AstroGlobal } from "astro";
import { asUser } from "./session";
import { loginRedirect } from "./workspace";
import { NO_NAMES } from "./calendar";
import type { LessonView } from "./lesson-page";
import type { Portal } from "./portal";

/** A portal lesson page's read of the lesson with its names; 404 (as the API answers) when it isn't the family's. */
export async function loadPortalLesson(astro: AstroGlobal, portal: Portal): Promise<LessonView | Response> {
  const lessonId = astro.params.lessonId ?? "";
  const result = await asUser(astro, (c) =>
    c.v1.studios[":studioId"].lessons[":lessonId"].$get({ param: { studioId: portal.studio.id, lessonId }, query: { include: "names" } }),
  );
  if (!result) return loginRedirect(astro);
  if (!result.ok) {
    if (result.status >= 500) throw new Error(`GET lesson answered ${result.status}`);
    return astro.rewrite("/404");
  }
  return { ...result.data, names: result.data.names ?? NO_NAMES };
}

export const portalLessonHref = (portal: Pick<Portal, "base">, lessonId: string, sub = "") => `${portal.base}/lessons/${encodeURIComponent(lessonId)}${sub}`;
