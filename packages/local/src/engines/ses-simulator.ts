import { randomUUID } from "node:crypto";

/** A message as SES local stores it (the parts the simulator reads). */
export interface SimulatedMail {
  messageId: string;
  from: string;
  destination: { to: string[]; cc?: string[]; bcc?: string[] };
  subject: string;
  headers?: { name: string; value: string }[];
  /** Epoch seconds. */
  at: number;
}

/** An SES event record as the configuration set publishes it to SNS (JSON-parsed). */
export type SesEventRecord = Record<string, unknown>;
export type SesEventListener = (event: SesEventRecord) => void | Promise<void>;

const SIMULATOR_DOMAIN = "simulator.amazonses.com";
/** core's outbox RECEIPT_HEADER, lower-cased: the mark of a tracked mailing's copy. */
const RECEIPT_HEADER = "x-studiosync-receipt";
const listeners = new Set<SesEventListener>();

/**
 * Registers a listener for the bounce and complaint events of mail sent to SES's mailbox
 * simulator through SES local (bounce@, complaint@, suppressionlist@simulator.amazonses.com, with
 * or without a `+label`), and the delivery events of tracked mail to anyone else, as SNS would
 * deliver them on AWS. Returns a function that removes it.
 */
export function onSesEvent(listener: SesEventListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const addressOf = (recipient: string) => (/<([^>]+)>/.exec(recipient)?.[1] ?? recipient).trim().toLowerCase();

/** What the simulator does with mail to `address`: the mailbox before any `+label`, on its domain. */
function simulated(address: string): "bounce" | "complaint" | "suppressionlist" | null {
  const [local, domain] = address.split("@");
  if (domain !== SIMULATOR_DOMAIN || !local) return null;
  const box = local.split("+")[0];
  return box === "bounce" || box === "complaint" || box === "suppressionlist" ? box : null;
}

/** The `mail` object of an event: SES includes the headers as sent and the common ones parsed. */
function mailObject(mail: SimulatedMail, recipients: string[]) {
  const headers = mail.headers ?? [];
  const header = (name: string) => headers.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value;
  return {
    timestamp: new Date(mail.at * 1000).toISOString(),
    source: mail.from,
    sourceArn: `arn:aws:ses:us-east-1:000000000000:identity/${addressOf(mail.from).split("@")[1] ?? "localhost"}`,
    sendingAccountId: "000000000000",
    messageId: mail.messageId,
    destination: recipients,
    headersTruncated: false,
    headers,
    commonHeaders: { from: [mail.from], to: mail.destination.to, messageId: header("Message-ID") ?? mail.messageId, subject: mail.subject },
    tags: {},
  };
}

/** The events SES would publish for one message: one per simulator mailbox kind among its recipients. */
export function simulatorEvents(mail: SimulatedMail, now = new Date()): SesEventRecord[] {
  const recipients = [...mail.destination.to, ...(mail.destination.cc ?? []), ...(mail.destination.bcc ?? [])].map(addressOf);
  const timestamp = now.toISOString();
  const feedbackId = () => `${randomUUID()}-000000`;
  const byKind = (kind: string) => recipients.filter((r) => simulated(r) === kind);
  const events: SesEventRecord[] = [];
  /** A permanent bounce of `addresses`, as SES's mailbox simulator (or its suppression list) reports it. */
  const permanentBounce = (addresses: string[], bounceSubType: string, diagnosticCode: string, reportingMTA: string) => {
    if (addresses.length === 0) return;
    events.push({
      eventType: "Bounce",
      bounce: {
        bounceType: "Permanent",
        bounceSubType,
        bouncedRecipients: addresses.map((emailAddress) => ({ emailAddress, action: "failed", status: "5.1.1", diagnosticCode })),
        timestamp,
        feedbackId: feedbackId(),
        reportingMTA,
      },
      mail: mailObject(mail, recipients),
    });
  };
  permanentBounce(byKind("bounce"), "General", "smtp; 550 5.1.1 user unknown", "dns; b224-13.smtp-out.amazonses.com");
  permanentBounce(
    byKind("suppressionlist"),
    "Suppressed",
    "Amazon SES has suppressed sending to this address because it has a recent history of bouncing as an invalid address.",
    "dns; amazonses.com",
  );
  // SES publishes a Delivery of every message it hands over; the handler only acts on tracked ones
  // (their receipt header), so only those are simulated, for the addresses outside the simulator.
  const delivered = recipients.filter((r) => simulated(r) === null);
  const tracked = (mail.headers ?? []).some((h) => h.name.toLowerCase() === RECEIPT_HEADER);
  if (tracked && delivered.length > 0) {
    events.push({
      eventType: "Delivery",
      delivery: { timestamp, processingTimeMillis: 420, recipients: delivered, smtpResponse: "250 2.0.0 OK", reportingMTA: "a8-55.smtp-out.amazonses.com" },
      mail: mailObject(mail, recipients),
    });
  }
  const complained = byKind("complaint");
  if (complained.length > 0) {
    events.push({
      eventType: "Complaint",
      complaint: {
        complainedRecipients: complained.map((emailAddress) => ({ emailAddress })),
        timestamp,
        feedbackId: feedbackId(),
        userAgent: "Amazon SES Mailbox Simulator",
        complaintFeedbackType: "abuse",
        arrivalDate: timestamp,
      },
      mail: mailObject(mail, recipients),
    });
  }
  return events;
}

/** Hands the simulator's events for a message SES local just stored to every listener (errors are the listener's to log). */
export function publishSimulatorEvents(mail: SimulatedMail): void {
  if (listeners.size === 0) return;
  for (const event of simulatorEvents(mail)) {
    for (const listener of listeners)
      void Promise.resolve()
        .then(() => listener(event))
        .catch((error: Error) => console.error(`[ses] event listener failed: ${error.message}`));
  }
}
