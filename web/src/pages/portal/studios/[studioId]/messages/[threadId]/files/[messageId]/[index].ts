import type { APIRoute } from "astro";
import { fileRedirect } from "../../../../../../../../lib/conversations";

/** A message's file, for the family or student who may read the thread (lib/conversations.ts fileRedirect). */
export const GET: APIRoute = (ctx) => fileRedirect(ctx);
