import { createCipheriv, createHmac, randomBytes } from "node:crypto";
import { billingDb, openSecret } from "@studiosync/core/billing";
import { resetConfig } from "@studiosync/core/kernel";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, linkToken, ownerWithStudio } from "./support/api";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;

const STRIPE = { publishableKey: "pk_test_51Rotate", secretKey: "sk_test_51RotateSecretWxYz", webhookSecret: "whsec_rotateSigningSecret" };
const NEW_ROOT = randomBytes(32).toString("hex");
let oldRoot: string;
let owner: Owner;

function useRoots(...roots: string[]) {
  process.env.APP_SECRET = roots.join(",");
  resetConfig();
}

const kidOf = (accessToken: string) => JSON.parse(Buffer.from(accessToken.split(".")[0]!, "base64url").toString()).kid as string;
const studio = (token: string) => api("GET", `/v1/studios/${owner.studio.id}`, { token });
const sealed = async () => (await billingDb().entities.billingSettings.get({ studioId: owner.studio.id }).go({ consistent: true })).data!.stripe!;

beforeAll(async () => {
  oldRoot = process.env.APP_SECRET!;
  owner = await ownerWithStudio();
  const saved = await api("PUT", `/v1/studios/${owner.studio.id}/billing-settings`, { token: owner.accessToken, body: { stripe: STRIPE } });
  expect(saved.status).toBe(200);
});
afterAll(() => useRoots(oldRoot));

describe("issue 10 #28: keys are versioned and rotate", { timeout: 90_000 }, () => {
  it("tokens, links and sealed values carry a key id; after a rotation the old ones still verify and open", async () => {
    const oldKid = kidOf(owner.accessToken);
    expect((await sealed()).secretKeyCipher).toMatch(new RegExp(`^v2\\.${oldKid}\\.`));
    expect((await api("POST", "/v1/auth/forgot-password", { body: { email: owner.email } })).status).toBe(202);
    const resetLink = await linkToken(owner.email, "/reset-password");
    expect(resetLink.split(".")[0]).toBe(oldKid);

    useRoots(NEW_ROOT, oldRoot);
    const fresh = await api("POST", "/v1/auth/login", { body: { email: owner.email, password: owner.password } });
    expect(fresh.status).toBe(200);
    expect(kidOf(fresh.body.accessToken)).not.toBe(oldKid);
    // Issued under the old root, still honoured while it is in the ring.
    expect((await studio(owner.accessToken)).status).toBe(200);
    expect(openSecret((await sealed()).secretKeyCipher, owner.studio.id)).toBe(STRIPE.secretKey);
    expect((await api("POST", "/v1/auth/reset-password", { body: { token: resetLink, password: "a rotated passphrase" } })).status).toBe(204);
    const again = await api("POST", "/v1/auth/login", { body: { email: owner.email, password: "a rotated passphrase" } });
    expect((await studio(again.body.accessToken)).status).toBe(200);

    // Re-saving seals under the new root.
    const resaved = await api("PUT", `/v1/studios/${owner.studio.id}/billing-settings`, { token: again.body.accessToken, body: { stripe: STRIPE } });
    expect(resaved.status).toBe(200);
    expect((await sealed()).secretKeyCipher).toMatch(new RegExp(`^v2\\.${kidOf(again.body.accessToken)}\\.`));

    // The old root retired: what it signed no longer verifies; what the new one made still does.
    useRoots(NEW_ROOT);
    const stale = await studio(owner.accessToken);
    expect(stale.status).toBe(401);
    expect(stale.body.code).toBe("unauthenticated");
    expect((await studio(again.body.accessToken)).status).toBe(200);
    expect(openSecret((await sealed()).secretKeyCipher, owner.studio.id)).toBe(STRIPE.secretKey);
    useRoots(oldRoot);
  });

  it("binds a sealed Stripe secret to its studio, and still opens values sealed before keys had ids", async () => {
    const { secretKeyCipher } = await sealed();
    expect(() => openSecret(secretKeyCipher, "another-studio")).toThrow();
    // The v1 format (no key id, no studio binding), as stored before this change.
    const key = createHmac("sha256", oldRoot).update("studiosync:stored-secret").digest();
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: 16 });
    const body = Buffer.concat([cipher.update("sk_test_legacy", "utf8"), cipher.final()]);
    const v1 = ["v1", iv.toString("base64url"), body.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(".");
    expect(openSecret(v1, owner.studio.id)).toBe("sk_test_legacy");
    useRoots(NEW_ROOT, oldRoot);
    expect(openSecret(v1, owner.studio.id)).toBe("sk_test_legacy");
    useRoots(oldRoot);
  });
});
