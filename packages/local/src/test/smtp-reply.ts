import { createTransport } from "nodemailer";

export interface ReplyMail {
  from: string;
  to: string;
  subject?: string;
  text: string;
  headers?: Record<string, string>;
  attachments?: { filename: string; content: string | Buffer; contentType?: string }[];
}

/**
 * Sends a mail over real SMTP to the run's inbound server (inbound/smtp-inbound.ts), as a family's
 * mail app replying to a conversation's email would. Resolves once the server answered: the reply
 * was stored and handled by then.
 */
export async function sendSmtpReply(mail: ReplyMail, port = Number(process.env.INBOUND_SMTP_PORT)) {
  if (!port) throw new Error("INBOUND_SMTP_PORT is not set; is the local test setup active?");
  const transport = createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true });
  try {
    return await transport.sendMail({ subject: "Re: conversation", ...mail });
  } finally {
    transport.close();
  }
}
