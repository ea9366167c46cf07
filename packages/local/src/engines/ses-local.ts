import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { LOCAL_HOST } from "./free-port";
import { publishSimulatorEvents, type SimulatedMail } from "./ses-simulator";

export { onSesEvent, type SesEventListener, type SesEventRecord } from "./ses-simulator";

export interface SesLocal {
  /** SES API endpoint; also serves the mail viewer at `/` and sent mail as JSON at `/store`. */
  endpoint: string;
  stop(): Promise<void>;
}

type StartSesServer = (config?: { host?: string; port?: number }) => Promise<Server>;
const require = createRequire(import.meta.url);

interface StoredEmail extends SimulatedMail {
  body: { text?: string };
}
interface ParsedMail {
  to?: { text: string } | { text: string }[];
  text?: string;
  headerLines: { key: string; line: string }[];
}

const mailKey = (to: string, text: string | undefined) => `${to}\n${text ?? ""}`;

/**
 * aws-ses-v2-local keeps a raw message's parsed From, Reply-To, body and attachments but drops its
 * headers. Tests must see the headers we send (List-Unsubscribe…), so the parser it uses is
 * wrapped to remember them by recipient and text, and its store puts them on the saved message.
 * Mail to SES's mailbox simulator then produces its bounce or complaint event (ses-simulator.ts).
 */
function keepRawHeaders() {
  const packageDir = dirname(require.resolve("aws-ses-v2-local/package.json"));
  const parser = require(require.resolve("mailparser", { paths: [packageDir] })) as {
    simpleParser: (source: Buffer) => Promise<ParsedMail>;
    headersKept?: true;
  };
  if (parser.headersKept) return;
  const store = require(join(packageDir, "dist/store.js")) as { saveEmail: (email: StoredEmail) => void };
  const seen = new Map<string, { name: string; value: string }[]>();
  const parse = parser.simpleParser;
  parser.simpleParser = async (source) => {
    const mail = await parse(source);
    const to = (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).map((a) => a.text).join(", ");
    seen.set(
      mailKey(to, mail.text),
      mail.headerLines.map(({ line }) => ({
        name: line.slice(0, line.indexOf(":")),
        value: line
          .slice(line.indexOf(":") + 1)
          .replace(/\r?\n\s+/g, " ")
          .trim(),
      })),
    );
    return mail;
  };
  const save = store.saveEmail;
  store.saveEmail = (email) => {
    const key = mailKey(email.destination.to.join(", "), email.body.text);
    email.headers ??= seen.get(key);
    seen.delete(key);
    save(email);
    publishSimulatorEvents(email);
  };
  parser.headersKept = true;
}

/** aws-ses-v2-local in this process. Its mail store is process-global, shared by all clients. */
export async function startSesLocal(preferredPort = 0): Promise<SesLocal> {
  keepRawHeaders();
  const start = (require("aws-ses-v2-local") as { default: StartSesServer }).default;
  const server = await start({ host: LOCAL_HOST, port: preferredPort });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://${LOCAL_HOST}:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
