import type { AstroGlobal } from "astro";
import { asUser } from "./session";
import { loginRedirect, type Workspace } from "./workspace";

/** The note a note page is about, from the lesson's notes (one read); 404 when it is gone or not the member's to see. */
export async function loadNote(astro: AstroGlobal, ws: Workspace) {
  const param = { studioId: ws.studio.id, lessonId: astro.params.lessonId ?? "" };
  const notes = await asUser(astro, (c) => c.v1.studios[":studioId"].lessons[":lessonId"].notes.$get({ param, query: { limit: 100 } }));
  if (!notes) return loginRedirect(astro);
  if (!notes.ok && notes.status >= 500) throw new Error(`GET notes answered ${notes.status}`);
  const note = notes.ok ? notes.data.items.find((n) => n.id === astro.params.noteId) : undefined;
  return note ?? astro.rewrite("/404");
}
