import { createRoute, z } from "@hono/zod-openapi";
import { Privacy } from "@studiosync/core";
import { createRouter } from "../http/router";
import { problems } from "../schemas/problem";

const openExport = createRoute({
  method: "get",
  path: "/privacy-exports/{token}",
  tags: ["Privacy"],
  summary: "Open an emailed privacy export link: redirects to a download valid for 60 seconds",
  description:
    "The link is signed and works 24 hours; the file must still exist (an erasure deletes the person's exports at " +
    "once, and exports are deleted after two days). Each click presigns a fresh, short download. Anything else: 404.",
  request: {
    params: z.object({
      token: z
        .string()
        .max(2048)
        .openapi({ param: { name: "token", in: "path" } }),
    }),
  },
  responses: {
    302: { description: "Redirect to the file", headers: z.object({ Location: z.string().url() }) },
    ...problems(404),
  },
});

export const publicPrivacyExportRoutes = createRouter().openapi(openExport, async (c) => {
  const { url } = await Privacy.openExportLink(c.req.valid("param").token);
  c.header("Cache-Control", "no-store");
  c.header("Referrer-Policy", "no-referrer");
  return c.redirect(url, 302);
});
