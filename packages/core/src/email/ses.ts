import { SESClient, SendEmailCommand } from "@aws-sdk/client-ses";
import { config } from "../config";
import type { RenderedEmail } from "./templates/layout";

let client: SESClient | undefined;
let clientEndpoint: string | undefined;

function ses(): SESClient {
  const { region, sesEndpoint } = config();
  if (!client || clientEndpoint !== sesEndpoint) {
    client = new SESClient({ region, endpoint: sesEndpoint });
    clientEndpoint = sesEndpoint;
  }
  return client;
}

/** Sends one email (HTML + plain text) through SES; local SES in development and tests. */
export async function sendEmail(to: string, email: RenderedEmail): Promise<void> {
  const { mailFrom, sesConfigurationSet } = config();
  await ses().send(
    new SendEmailCommand({
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
