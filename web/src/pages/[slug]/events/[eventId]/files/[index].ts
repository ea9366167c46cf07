import type { APIRoute } from "astro";
import { eventsApi } from "../../../../../lib/api";
import { call } from "../../../../../lib/call";

/** A public event's file: a redirect to its short-lived download link. */
export const GET: APIRoute = async ({ params, redirect }) => {
  const { slug = "", eventId = "", index = "" } = params;
  if (!/^\d$/.test(index)) return new Response("Not found", { status: 404 });
  const link = await call(eventsApi().v1.public.events[":slug"][":eventId"].attachments[":index"].$get({ param: { slug, eventId, index } }));
  if (!link.ok) return new Response("Not found", { status: link.status >= 500 ? 503 : 404 });
  return redirect(link.data.url, 303);
};
