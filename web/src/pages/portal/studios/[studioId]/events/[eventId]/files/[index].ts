import type { APIRoute } from "astro";
import { eventFileRedirect } from "../../../../../../../lib/events";

/** An event's file, for the family that sees the event (lib/events.ts eventFileRedirect). */
export const GET: APIRoute = (ctx) => eventFileRedirect(ctx);
