import { randomUUID } from "node:crypto";
import { meteringDb } from "@studiosync/core/metering";
import { closeStudioMonth } from "@studiosync/core/platform-billing";
import { testDns } from "@studiosync/local/testing";
import { api } from "../support/api";
import { cardSetupSession, saveTestCard } from "../support/platform-card";
import { adminOnly, MEMBERS, s, type ActorName, type RowModule, type World } from "./rows";

const OWNER: ActorName[] = ["owner"];
const NOT_OWNER = MEMBERS.filter((a) => !OWNER.includes(a));

async function apiKey(w: World): Promise<{ id: string }> {
  const res = await api("POST", s(w, "/api-keys"), { token: w.owner.accessToken, body: { name: "Matrix key", scopes: ["read"] } });
  if (res.status !== 201) throw new Error(`api key: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** An endpoint at a name that never resolves (.test): its deliveries are attempted and fail, nothing leaves the machine. */
async function endpoint(w: World): Promise<{ id: string }> {
  const res = await api("POST", s(w, "/webhook-endpoints"), {
    token: w.owner.accessToken,
    body: { url: "https://hooks.studiosync.test/matrix", events: ["lead.created"] },
  });
  if (res.status !== 201) throw new Error(`webhook endpoint: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

let closedMonths = 0;
/** An open platform invoice for a month of its own (a past one), with the card saved to pay it. */
async function openInvoice(w: World): Promise<{ id: string }> {
  const month = `2019-${String(++closedMonths).padStart(2, "0")}`;
  // Another row may have removed the card.
  await savedCard(w);
  await meteringDb().entities.usageMonth.upsert({ studioId: w.studioId, month, activeStudents: 10 }).go();
  await closeStudioMonth(w.studioId, month, new Date());
  return { id: month };
}

/** A card saved for the studio (the whole flow at the Stripe emulator). */
async function savedCard(w: World): Promise<{ id: string }> {
  const res = await saveTestCard(w.studioId, w.owner.accessToken);
  if (res.status !== 200) throw new Error(`card: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.card.id };
}

/** A pending domain of its own (a unique hostname), its TXT record published at this worker's DNS responder. */
async function domain(w: World): Promise<{ id: string }> {
  const hostname = `matrix-${randomUUID().slice(0, 8)}.example.com`;
  const res = await api("POST", s(w, "/domains"), { token: w.owner.accessToken, body: { hostname } });
  if (res.status !== 201) throw new Error(`domain: ${res.status} ${JSON.stringify(res.body)}`);
  (await testDns()).setTxt(res.body.verification.name, [res.body.verification.value]);
  return { id: hostname };
}

const domainOwner = { action: "domain.manage", allow: OWNER, forbid: NOT_OWNER } as const;
const ownerOnly = { action: "webhook.manage", allow: OWNER, forbid: NOT_OWNER } as const;
const billingOwner = { action: "platform-billing.manage", allow: OWNER, forbid: NOT_OWNER } as const;
const endpointPath = (w: World, rest = "") => s(w, `/webhook-endpoints/${w.extra.webhookEndpointK1!}${rest}`);

/** The hosting module: the studio's usage (owners and admins), its API keys, webhook endpoints and domains (owners). */
export const usageRows: RowModule = {
  prepare: async (w) => {
    const hook = await endpoint(w);
    const ping = await api("POST", s(w, `/webhook-endpoints/${hook.id}/test`), { token: w.owner.accessToken });
    if (ping.status !== 202) throw new Error(`webhook test: ${ping.status} ${JSON.stringify(ping.body)}`);
    const invoice = await openInvoice(w);
    const card = await savedCard(w);
    return {
      apiKeyK1: (await apiKey(w)).id,
      webhookEndpointK1: hook.id,
      webhookDeliveryK1: ping.body.id,
      cardK1: card.id,
      cardSession: await cardSetupSession(w.studioId, w.owner.accessToken),
      platformMonthK1: invoice.id,
      domainK1: (await domain(w)).id,
    };
  },
  rows: {
    "GET /v1/studios/{studioId}/platform-invoices": adminOnly({ action: "platform-billing.view", path: (w) => s(w, "/platform-invoices") }),
    // No invoice for a month without usage: the owner's answer is a 404 after the check (the matrix checks who is refused).
    "GET /v1/studios/{studioId}/platform-invoices/{month}": adminOnly({
      action: "platform-billing.view",
      path: (w) => s(w, `/platform-invoices/${w.extra.platformMonthK1!}`),
    }),
    "POST /v1/studios/{studioId}/platform-invoices/{month}/pay": {
      ...billingOwner,
      path: (w, t) => s(w, `/platform-invoices/${t}/pay`),
      target: (w) => w.extra.platformMonthK1!,
      fresh: openInvoice,
    },
    "GET /v1/studios/{studioId}/payment-methods": { ...billingOwner, path: (w) => s(w, "/payment-methods") },
    "POST /v1/studios/{studioId}/payment-methods/setup": { ...billingOwner, path: (w) => s(w, "/payment-methods/setup") },
    "POST /v1/studios/{studioId}/payment-methods/complete": {
      ...billingOwner,
      path: (w) => s(w, "/payment-methods/complete"),
      body: (w) => ({ sessionId: w.extra.cardSession! }),
      // A session comes back once per card saved.
      fresh: async (w) => {
        w.extra.cardSession = await cardSetupSession(w.studioId, w.owner.accessToken);
        return { id: w.extra.cardSession };
      },
    },
    "DELETE /v1/studios/{studioId}/payment-methods/{paymentMethodId}": {
      ...billingOwner,
      path: (w, t) => s(w, `/payment-methods/${t}`),
      target: (w) => w.extra.cardK1!,
      fresh: savedCard,
    },
    "GET /v1/studios/{studioId}/usage/spending-cap": adminOnly({ action: "platform-billing.view", path: (w) => s(w, "/usage/spending-cap") }),
    "PUT /v1/studios/{studioId}/usage/spending-cap": { ...billingOwner, path: (w) => s(w, "/usage/spending-cap"), body: () => ({ capMinor: 50_000 }) },
    "GET /v1/studios/{studioId}/webhook-endpoints": { ...ownerOnly, path: (w) => s(w, "/webhook-endpoints") },
    "POST /v1/studios/{studioId}/webhook-endpoints": {
      ...ownerOnly,
      path: (w) => s(w, "/webhook-endpoints"),
      body: () => ({ url: "https://hooks.studiosync.test/created", events: ["student.created"] }),
    },
    "GET /v1/studios/{studioId}/webhook-endpoints/{endpointId}": { ...ownerOnly, path: (w) => endpointPath(w) },
    "PATCH /v1/studios/{studioId}/webhook-endpoints/{endpointId}": { ...ownerOnly, path: (w) => endpointPath(w), body: () => ({ description: "Matrix" }) },
    "DELETE /v1/studios/{studioId}/webhook-endpoints/{endpointId}": {
      ...ownerOnly,
      path: (w, t) => s(w, `/webhook-endpoints/${t}`),
      target: (w) => w.extra.webhookEndpointK1!,
      fresh: endpoint,
    },
    "POST /v1/studios/{studioId}/webhook-endpoints/{endpointId}/secret": { ...ownerOnly, path: (w) => endpointPath(w, "/secret") },
    "POST /v1/studios/{studioId}/webhook-endpoints/{endpointId}/test": { ...ownerOnly, path: (w) => endpointPath(w, "/test") },
    "GET /v1/studios/{studioId}/webhook-endpoints/{endpointId}/deliveries": { ...ownerOnly, path: (w) => endpointPath(w, "/deliveries") },
    "GET /v1/studios/{studioId}/webhook-endpoints/{endpointId}/deliveries/{deliveryId}": {
      ...ownerOnly,
      path: (w) => endpointPath(w, `/deliveries/${w.extra.webhookDeliveryK1!}`),
    },
    "POST /v1/studios/{studioId}/webhook-endpoints/{endpointId}/deliveries/{deliveryId}/replay": {
      ...ownerOnly,
      path: (w) => endpointPath(w, `/deliveries/${w.extra.webhookDeliveryK1!}/replay`),
    },
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
    "GET /v1/studios/{studioId}/domains": { ...domainOwner, path: (w) => s(w, "/domains") },
    "POST /v1/studios/{studioId}/domains": {
      ...domainOwner,
      path: (w) => s(w, "/domains"),
      body: () => ({ hostname: `matrix-new-${randomUUID().slice(0, 8)}.example.com` }),
    },
    // The owner's check finds the record at the DNS responder: verified (200).
    "POST /v1/studios/{studioId}/domains/{hostname}/verify": { ...domainOwner, path: (w) => s(w, `/domains/${w.extra.domainK1!}/verify`) },
    "DELETE /v1/studios/{studioId}/domains/{hostname}": {
      ...domainOwner,
      path: (w, t) => s(w, `/domains/${t}`),
      target: (w) => w.extra.domainK1!,
      fresh: domain,
    },
  },
};
