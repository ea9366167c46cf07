import { api } from "../support/api";
import { adminOnly, MEMBERS, s, type ActorName, type RowModule, type World } from "./rows";

const OWNER: ActorName[] = ["owner"];
const NOT_OWNER = MEMBERS.filter((a) => !OWNER.includes(a));

async function apiKey(w: World): Promise<{ id: string }> {
  const res = await api("POST", s(w, "/api-keys"), { token: w.owner.accessToken, body: { name: "Matrix key", scopes: ["read"] } });
  if (res.status !== 201) throw new Error(`api key: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The hosting module: the studio's usage (owners and admins) and its API keys (owners). */
export const usageRows: RowModule = {
  prepare: async (w) => ({ apiKeyK1: (await apiKey(w)).id }),
  rows: {
    "GET /v1/studios/{studioId}/usage": adminOnly({ action: "usage.view", path: (w) => s(w, "/usage") }),
    "GET /v1/studios/{studioId}/usage/{month}/{metric}": adminOnly({ action: "usage.view", path: (w) => s(w, "/usage/2026-12/activeStudents") }),
    "GET /v1/studios/{studioId}/api-keys": { action: "api-key.manage", allow: OWNER, forbid: NOT_OWNER, path: (w) => s(w, "/api-keys") },
    "POST /v1/studios/{studioId}/api-keys": {
      action: "api-key.manage",
      allow: OWNER,
      forbid: NOT_OWNER,
      path: (w) => s(w, "/api-keys"),
      body: () => ({ name: "Matrix key", scopes: ["read"] }),
    },
    "DELETE /v1/studios/{studioId}/api-keys/{keyId}": {
      action: "api-key.manage",
      allow: OWNER,
      forbid: NOT_OWNER,
      path: (w, t) => s(w, `/api-keys/${t}`),
      target: (w) => w.extra.apiKeyK1!,
      fresh: apiKey,
    },
  },
};
