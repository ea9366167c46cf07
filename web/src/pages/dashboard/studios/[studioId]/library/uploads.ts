import type { APIRoute } from "astro";
import { presignFor } from "../../../../../lib/resource-upload";

const json = (body: unknown, status: number) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "private, no-store" } });

/**
 * Where the upload field's script (FileField.astro) asks for a presigned PUT, so the browser sends
 * the file straight to storage: `{ name, size, type }` of the chosen file in, the URL, the headers
 * to send with it and the key to post with the form out — or `{ message }` in the words the form
 * would have shown (422), or 401 when the session has ended (the script then posts the form as it
 * is, which goes to the login page). Same-origin only, like every POST (middleware.ts).
 */
export const POST: APIRoute = async (ctx) => {
  const body = (await ctx.request.json().catch(() => null)) as { name?: unknown; size?: unknown; type?: unknown } | null;
  const name = typeof body?.name === "string" ? body.name.slice(0, 255) : "";
  const size = typeof body?.size === "number" && Number.isSafeInteger(body.size) && body.size >= 0 ? body.size : 0;
  const type = typeof body?.type === "string" ? body.type.slice(0, 255) : "";
  const result = await presignFor(ctx, ctx.params.studioId ?? "", { name, size, type });
  if (result.ok) return json(result, 200);
  if (result.signedOut) return json({ ok: false, message: result.message }, 401);
  return json({ ok: false, message: result.errors.file ?? result.message }, 422);
};
