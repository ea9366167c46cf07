import type { BillingSettingsRecord } from "../settings/defaults";
import { openSecret } from "./secret-box";

export interface StudioStripeKeys {
  publishableKey: string;
  secretKey: string;
  webhookSecret: string;
}

/** A studio's Stripe keys, decrypted (stripe/secret-box.ts); undefined when it has none. */
export function studioStripeKeys(settings: BillingSettingsRecord | null | undefined): StudioStripeKeys | undefined {
  const stripe = settings?.stripe;
  if (!stripe) return undefined;
  return {
    publishableKey: stripe.publishableKey,
    secretKey: openSecret(stripe.secretKeyCipher, settings.studioId),
    webhookSecret: openSecret(stripe.webhookSecretCipher, settings.studioId),
  };
}
