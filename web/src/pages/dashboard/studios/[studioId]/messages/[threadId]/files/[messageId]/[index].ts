import type { APIRoute } from "astro";
import { fileRedirect } from "../../../../../../../../lib/conversations";

/** A message's file, for staff who may read the thread (lib/conversations.ts fileRedirect). */
export const GET: APIRoute = (ctx) => fileRedirect(ctx);
