import { config } from "../config";
import { lazyClient } from "../lazy-client";
import type { RenderedEmail } from "./templates/layout";

/** The SES SDK is imported on first send, not at cold start (most requests send no mail). */
async function loadSes() {
  const sdk = await import("@aws-sdk/client-ses");
  const { region, sesEndpoint } = config();
  return { sdk, client: new sdk.SESClient({ region, endpoint: sesEndpoint }) };
}

const ses = lazyClient((c) => c.sesEndpoint, loadSes);

/** Sends one email (HTML + plain text) through SES; local SES in development and tests. */
export async function sendEmail(to: string, email: RenderedEmail): Promise<void> {
  const { mailFrom, sesConfigurationSet } = config();
  const { sdk, client } = await ses();
  await client.send(
    new sdk.SendEmailCommand({
      Source: mailFrom,
      Destination: { ToAddresses: [to] },
      ConfigurationSetName: sesConfigurationSet,
      Message: {
        Subject: { Data: email.subject, Charset: "UTF-8" },
        Body: {
          Text: { Data: email.text, Charset: "UTF-8" },
          Html: { Data: email.html, Charset: "UTF-8" },
        },
      },
    }),
  );
}
