import { config } from "../kernel/config";
import { lazyClient } from "../kernel/lazy-client";
import { addressOf, buildMime } from "./mime";
import type { RenderedEmail } from "./templates/layout";

/** Sends one rendered email to one address (raw MIME: email/mime.ts); throws when SES refuses or cannot be reached. */
export type EmailSender = (to: string, email: RenderedEmail) => Promise<void>;

/**
 * A send (retries of the SDK included) must end well within the outbox lease (outbox/policy.ts),
 * so a message is never claimed again while its first send may still go through.
 */
const TIMEOUTS = { connectionTimeout: 3_000, requestTimeout: 10_000 };

/** The SES SDK is imported on first send, not at cold start (most processes send no mail). */
async function loadSes(endpoint: string | undefined) {
  const sdk = await import("@aws-sdk/client-ses");
  return { sdk, client: new sdk.SESClient({ region: config().region, endpoint, maxAttempts: 2, requestHandler: TIMEOUTS }) };
}

/** An SES sender for an explicit endpoint (the outbox tests point one at an engine that is down). */
export function sesSender(endpoint: string | undefined): EmailSender {
  const ses = loadSes(endpoint);
  return (to, email) => ses.then(({ sdk, client }) => sendWith(sdk, client, to, email));
}

const configured = lazyClient(
  (c) => c.sesEndpoint,
  () => loadSes(config().sesEndpoint),
);

/**
 * Sends one email (HTML + plain text) through SES; local SES in development and tests. Only the
 * outbox consumer calls this: flows enqueue their mail with `outboxEmail()` in their transaction.
 */
export const sendEmail: EmailSender = async (to, email) => {
  const { sdk, client } = await configured();
  await sendWith(sdk, client, to, email);
};

async function sendWith(
  sdk: typeof import("@aws-sdk/client-ses"),
  client: InstanceType<typeof import("@aws-sdk/client-ses").SESClient>,
  to: string,
  email: RenderedEmail,
) {
  const { mailFrom, sesConfigurationSet } = config();
  const address = addressOf(mailFrom);
  const raw = buildMime({ ...email, to, from: { name: email.fromName ?? nameOf(mailFrom), address } });
  await client.send(
    new sdk.SendRawEmailCommand({
      Source: address,
      Destinations: [to],
      ConfigurationSetName: sesConfigurationSet,
      RawMessage: { Data: Buffer.from(raw, "utf8") },
    }),
  );
}

/** The display name in MAIL_FROM ("StudioSync <no-reply@…>"), if it has one. */
const nameOf = (from: string) => /^\s*"?([^"<]+?)"?\s*</.exec(from)?.[1];
