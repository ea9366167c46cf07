import { expect } from "vitest";
import { api, ownerWithStudio } from "./api";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;

/**
 * The security cases every studio-scoped route must pass: no token → 401, a garbage token → 401,
 * another studio's owner → 404 (never 403: do not confirm the studio exists).
 */
export async function expectStudioRouteSecured(
  method: string,
  path: (studioId: string) => string,
  body: unknown,
  victim: Owner,
  intruder: Owner,
) {
  const url = path(victim.studio.id);
  expect((await api(method, url, { body })).status).toBe(401);
  expect((await api(method, url, { body, token: "not-a-token" })).status).toBe(401);
  const crossTenant = await api(method, url, { body, token: intruder.accessToken });
  expect(crossTenant.status).toBe(404);
  expect(JSON.stringify(crossTenant.body)).not.toContain(victim.studio.name);
}
