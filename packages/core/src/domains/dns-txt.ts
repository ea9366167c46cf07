import { Resolver } from "node:dns/promises";

/**
 * TXT lookups for domain verification, through node:dns's resolver. `DNS_SERVERS` (comma-separated
 * `address[:port]`, e.g. `127.0.0.1:53535`) picks the servers asked; without it, the system's. Tests
 * must never ask the public DNS: under STAGE=test a lookup without DNS_SERVERS is an error, and the
 * test suites point it at the local responder (packages/local/src/engines/dns-local.ts).
 */
export type TxtAnswer =
  /** The name's TXT records, each record's strings joined (a long value is split in 255-byte strings). */
  | { found: true; values: string[] }
  /** No such name, or no TXT record at it. */
  | { found: false; missing: true }
  /** The lookup itself failed (timeout, refused, server failure): nothing is known. */
  | { found: false; missing: false; code: string };

const MISSING = new Set(["ENOTFOUND", "ENODATA"]);

export function dnsServers(): string[] | undefined {
  const servers = (process.env.DNS_SERVERS ?? "")
    .split(",")
    .map((server) => server.trim())
    .filter(Boolean);
  if (servers.length > 0) return servers;
  if ((process.env.STAGE ?? "local") === "test") throw new Error("DNS_SERVERS must name the local DNS responder in tests: they never ask the public DNS");
  return undefined;
}

export async function lookupTxt(name: string): Promise<TxtAnswer> {
  // A short timeout, two tries: an owner is waiting on "Check now".
  const resolver = new Resolver({ timeout: 2_000, tries: 2 });
  const servers = dnsServers();
  if (servers) resolver.setServers(servers);
  try {
    const records = await resolver.resolveTxt(name);
    return { found: true, values: records.map((strings) => strings.join("")) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "EUNKNOWN";
    return MISSING.has(code) ? { found: false, missing: true } : { found: false, missing: false, code };
  }
}
