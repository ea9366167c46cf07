import { randomUUID } from "node:crypto";
import { SMTPServer } from "smtp-server";
import { putObject } from "@studiosync/core/files";
import { INBOUND_PREFIX, replyDomain } from "@studiosync/core/messaging";
import { inboundEmailHandler } from "@studiosync/functions/job-handlers";
import { LOCAL_HOST } from "../engines/free-port";

export interface InboundSmtp {
  port: number;
  stop(): Promise<void>;
}

/** The most a message may weigh (SES's limit for received mail is 40 MB; ten 10 MB files and their encoding fit under 150). */
const MAX_MESSAGE_BYTES = 150 * 1024 * 1024;

/**
 * What SES receiving does for the reply domain on AWS, on 127.0.0.1: an SMTP server that takes mail
 * for the reply domain only (any other recipient is refused at RCPT TO, as SES does for domains it
 * has no rule for), stores the raw message in the files bucket (s3rver) at `inbound/<id>` like the
 * receipt rule's S3 action, and calls the same Lambda handler with the same event. No TLS and no
 * authentication: a newcomer replies with any mail client, `swaks` or a script. There are no
 * SPF/DKIM verdicts locally.
 */
export async function startInboundSmtp(options: { port: number; log?: (line: string) => void }): Promise<InboundSmtp> {
  const log = options.log ?? ((line: string) => console.log(line));
  const server = new SMTPServer({
    name: "studiosync.local",
    banner: "StudioSync local inbound mail (replies by email)",
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    size: MAX_MESSAGE_BYTES,
    logger: false,
    onRcptTo(address, _session, callback) {
      const domain = address.address.split("@").pop()?.toLowerCase();
      if (domain !== replyDomain())
        return callback(Object.assign(new Error(`Mailbox unavailable: this server takes mail for @${replyDomain()} only`), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", callback);
      stream.on("end", async () => {
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) {
          return callback(Object.assign(new Error("Message too large"), { responseCode: 552 }));
        }
        const messageId = randomUUID();
        try {
          await putObject(`${INBOUND_PREFIX}${messageId}`, Buffer.concat(chunks), "message/rfc822");
          const result = await inboundEmailHandler({
            Records: [{ ses: { mail: { messageId }, receipt: { recipients: session.envelope.rcptTo.map((r) => r.address) } } }],
          });
          const outcome = result.outcomes[0];
          log(`[inbound mail] ${messageId}: ${outcome?.outcome ?? "missing"}${outcome && "reason" in outcome ? ` (${outcome.reason})` : ""}`);
          callback(null, `Queued as ${messageId}`);
        } catch (error) {
          log(`[inbound mail] ${messageId} failed: ${(error as Error).message}`);
          callback(Object.assign(new Error("Temporary failure, try again later"), { responseCode: 451 }));
        }
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, LOCAL_HOST, () => resolve());
  });
  server.on("error", (error) => log(`[inbound mail] ${error.message}`));
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return { port, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}
