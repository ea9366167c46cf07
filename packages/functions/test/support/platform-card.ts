import { api } from "./api";

/**
 * Saves a test card the way an owner does, up to coming back from Stripe's page (the emulator):
 * the setup session, the card chosen on the hosted page, the redirect to the workspace. Returns the
 * Checkout Session id the workspace completes with (POST …/payment-methods/complete).
 */
export async function cardSetupSession(studioId: string, token: string, cardNumber = "4242424242424242"): Promise<string> {
  const setup = await api("POST", `/v1/studios/${studioId}/payment-methods/setup`, { token });
  if (setup.status !== 201) throw new Error(`card setup: ${setup.status} ${JSON.stringify(setup.body)}`);
  const saved = await fetch(`${setup.body.url}/save`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: `card=${cardNumber}`,
    redirect: "manual",
  });
  const back = new URL(saved.headers.get("location") ?? "");
  if (back.pathname !== `/dashboard/studios/${studioId}/settings/usage/card`) throw new Error(`card setup came back to ${back}`);
  return back.searchParams.get("session")!;
}

/** Saves a test card as the studio's (the whole flow); answers the completion. */
export async function saveTestCard(studioId: string, token: string, cardNumber?: string) {
  const sessionId = await cardSetupSession(studioId, token, cardNumber);
  return api("POST", `/v1/studios/${studioId}/payment-methods/complete`, { token, body: { sessionId } });
}
