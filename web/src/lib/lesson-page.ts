import type { AstroGlobal } from "astro";
import { asUser } from "./session";
import type { SuccessBody } from "./call";
import type { ApiClient } from "./api";
import { loginRedirect, type Workspace } from "./workspace";
import { NO_NAMES } from "./calendar";
import type { Names } from "./lesson-words";

type LessonResponse = Awaited<ReturnType<ApiClient["v1"]["studios"][":studioId"]["lessons"][":lessonId"]["$get"]>>;
export type LessonView = SuccessBody<LessonResponse> & { names: Names };

/**
 * The lesson pages' one read of the lesson, with the names of its people (and, with `attendance`,
 * its attendance in the same call); 404 (as the API) when it isn't the member's to see.
 */
export async function loadLesson(astro: AstroGlobal, ws: Workspace, options: { attendance?: boolean } = {}): Promise<LessonView | Response> {
  const lessonId = astro.params.lessonId ?? "";
  const include: "names" | ("names" | "attendance")[] = options.attendance ? ["names", "attendance"] : "names";
  const result = await asUser(astro, (c) =>
    c.v1.studios[":studioId"].lessons[":lessonId"].$get({ param: { studioId: ws.studio.id, lessonId }, query: { include } }),
  );
  if (!result) return loginRedirect(astro);
  if (!result.ok) {
    if (result.status >= 500) throw new Error(`GET lesson answered ${result.status}`);
    return astro.rewrite("/404");
  }
  return { ...result.data, names: result.data.names ?? NO_NAMES };
}

export const lessonHref = (ws: Pick<Workspace, "base">, lessonId: string, sub = "") => `${ws.base}/lessons/${encodeURIComponent(lessonId)}${sub}`;

/** Whether the member runs the lesson (admins, its teacher, the teacher it was booked with): what the API allows them to change. */
export const runsLesson = (ws: Pick<Workspace, "isAdmin" | "teacherId">, lesson: { teacherId: string; originalTeacherId: string | null }) =>
  ws.isAdmin || (Boolean(ws.teacherId) && (lesson.teacherId === ws.teacherId || lesson.originalTeacherId === ws.teacherId));

/** Only a scheduled lesson still to come moves or is cancelled. */
export const isUpcoming = (lesson: { status: string; scheduledStart: string }, now = new Date()) =>
  lesson.status === "scheduled" && Date.parse(lesson.scheduledStart) > now.getTime();

/**
 * The policy's outcome as a sentence for the confirmation ("A make-up credit will be issued: 52
 * hours' notice.") from the API's words ("credit issued: 52 h notice").
 */
export function outcomeSentence(outcome: "credit_issued" | "no_credit", explanation: string, future = true): string {
  const why = explanation
    .replace(/^(credit issued|no credit):\s*/, "")
    .replace(/\b(\d+) h notice/g, (_, h: string) => `${h} ${h === "1" ? "hour's" : "hours'"} notice`)
    .replace(/\b(\d+) h\b/g, (_, h: string) => `${h} ${h === "1" ? "hour" : "hours"}`);
  const head =
    outcome === "credit_issued"
      ? future
        ? "A make-up credit will be issued"
        : "A make-up credit was issued"
      : future
        ? "No make-up credit will be issued"
        : "No make-up credit was issued";
  return `${head}: ${why}.`;
}
