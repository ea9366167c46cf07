import { createSocket, type RemoteInfo, type Socket } from "node:dgram";
import { LOCAL_HOST } from "./free-port";

/**
 * A tiny authoritative DNS responder on UDP 127.0.0.1 for domain verification in tests (and for
 * trying it locally): it answers TXT questions from the records it is given, NXDOMAIN for names it
 * has none for, and an empty answer for other types at a known name. Point the app at it with
 * `DNS_SERVERS=127.0.0.1:<port>` (core/domains/dns-txt.ts); nothing then asks the public DNS.
 * Plain RFC 1035 messages: one question, answers uncompressed but for the name (a pointer to the
 * question), no TCP (answers stay far below 512 bytes), EDNS ignored.
 */
export interface DnsLocal {
  /** `127.0.0.1:<port>`, as DNS_SERVERS takes it. */
  address: string;
  port: number;
  /** Publishes (replaces) the TXT records at `name`; an empty list removes them. */
  setTxt(name: string, values: string[]): void;
  /** Answers every question about `name` with SERVFAIL (a broken zone), until setTxt(name, …). */
  failName(name: string): void;
  /** The questions asked so far, as `TYPE name` (lower case). */
  readonly asked: readonly string[];
  stop(): Promise<void>;
}

const TYPE_TXT = 16;
const TYPE_NAMES: Record<number, string> = { 1: "A", 5: "CNAME", 16: "TXT", 28: "AAAA" };
const RCODE = { noError: 0, formErr: 1, servFail: 2, nxDomain: 3, notImp: 4 } as const;

const normalize = (name: string) => name.toLowerCase().replace(/\.$/, "");

export async function startDnsLocal(options: { port?: number } = {}): Promise<DnsLocal> {
  const records = new Map<string, string[]>();
  const failing = new Set<string>();
  const asked: string[] = [];
  const socket = createSocket("udp4");
  socket.on("message", (message, remote) => {
    const reply = answer(message, records, failing, asked);
    if (reply) send(socket, reply, remote);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("error", reject);
    socket.bind(options.port ?? 0, LOCAL_HOST, () => {
      socket.off("error", reject);
      resolve();
    });
  });
  // A test worker or `npm start` exits without waiting for it.
  socket.unref();
  const port = socket.address().port;
  let stopping: Promise<void> | undefined;
  return {
    address: `${LOCAL_HOST}:${port}`,
    port,
    setTxt(name, values) {
      const key = normalize(name);
      failing.delete(key);
      if (values.length === 0) records.delete(key);
      else records.set(key, [...values]);
    },
    failName(name) {
      failing.add(normalize(name));
    },
    asked,
    stop: () => (stopping ??= new Promise((resolve) => socket.close(() => resolve()))),
  };
}

function send(socket: Socket, reply: Buffer, remote: RemoteInfo) {
  socket.send(reply, remote.port, remote.address, () => undefined);
}

interface Question {
  name: string;
  type: number;
  /** The question section as received (name, type, class), echoed in the reply. */
  bytes: Buffer;
}

/** The reply to one query, or undefined when the message is not a query we can read. */
function answer(message: Buffer, records: Map<string, string[]>, failing: Set<string>, asked: string[]): Buffer | undefined {
  if (message.length < 12) return undefined;
  const flags = message.readUInt16BE(2);
  if (flags & 0x8000) return undefined; // a response, not a query
  const opcode = (flags >> 11) & 0x0f;
  const questions = message.readUInt16BE(4);
  const question = questions === 1 ? readQuestion(message, 12) : undefined;
  if (opcode !== 0 || !question) return header(message, flags, RCODE[opcode !== 0 ? "notImp" : "formErr"], 0, []);
  const key = normalize(question.name);
  asked.push(`${TYPE_NAMES[question.type] ?? question.type} ${key}`);
  if (failing.has(key)) return header(message, flags, RCODE.servFail, 0, [question.bytes]);
  const values = records.get(key);
  if (!values) return header(message, flags, RCODE.nxDomain, 0, [question.bytes]);
  if (question.type !== TYPE_TXT) return header(message, flags, RCODE.noError, 0, [question.bytes]);
  return header(message, flags, RCODE.noError, values.length, [question.bytes, ...values.map(txtRecord)]);
}

/** The reply: the query's id and opcode, QR and AA set, RD copied, RA set; one question; `answers` records. */
function header(query: Buffer, queryFlags: number, rcode: number, answers: number, sections: Buffer[]): Buffer {
  const head = Buffer.alloc(12);
  head.writeUInt16BE(query.readUInt16BE(0), 0);
  head.writeUInt16BE(0x8000 | (queryFlags & 0x7800) | 0x0400 | (queryFlags & 0x0100) | 0x0080 | rcode, 2);
  head.writeUInt16BE(sections.length > 0 ? 1 : 0, 4);
  head.writeUInt16BE(answers, 6);
  return Buffer.concat([head, ...sections]);
}

function readQuestion(message: Buffer, start: number): Question | undefined {
  const labels: string[] = [];
  let offset = start;
  for (;;) {
    if (offset >= message.length) return undefined;
    const length = message[offset]!;
    if (length === 0) break;
    if (length > 63 || offset + 1 + length > message.length) return undefined; // no pointers in a question
    labels.push(message.toString("latin1", offset + 1, offset + 1 + length));
    offset += 1 + length;
  }
  offset += 1;
  if (offset + 4 > message.length) return undefined;
  const type = message.readUInt16BE(offset);
  return { name: labels.join("."), type, bytes: message.subarray(start, offset + 4) };
}

/** A TXT answer for the question's name (a pointer to offset 12), one hour, its value in ≤255-byte strings. */
function txtRecord(value: string): Buffer {
  const bytes = Buffer.from(value, "utf8");
  const strings: Buffer[] = [];
  for (let i = 0; i < bytes.length || strings.length === 0; i += 255) {
    const chunk = bytes.subarray(i, i + 255);
    strings.push(Buffer.concat([Buffer.from([chunk.length]), chunk]));
  }
  const rdata = Buffer.concat(strings);
  const fixed = Buffer.alloc(12);
  fixed.writeUInt16BE(0xc00c, 0);
  fixed.writeUInt16BE(TYPE_TXT, 2);
  fixed.writeUInt16BE(1, 4); // IN
  fixed.writeUInt32BE(3600, 6);
  fixed.writeUInt16BE(rdata.length, 10);
  return Buffer.concat([fixed, rdata]);
}
