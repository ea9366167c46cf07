import type { APIRoute } from "astro";
import { eventFileRedirect } from "../../../../../../../lib/events";

/** An event's file, for staff who see the event (lib/events.ts eventFileRedirect). */
export const GET: APIRoute = (ctx) => eventFileRedirect(ctx);
