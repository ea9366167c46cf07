import { startDnsLocal, type DnsLocal } from "../engines/dns-local";

let shared: Promise<DnsLocal> | undefined;

/**
 * This test worker's DNS responder (engines/dns-local.ts), started on first use and kept for the
 * worker's life, with DNS_SERVERS pointed at it: domain verification then asks it, never the public
 * DNS. Test files publish the records they need under names of their own.
 */
export async function testDns(): Promise<DnsLocal> {
  shared ??= startDnsLocal();
  const dns = await shared;
  process.env.DNS_SERVERS = dns.address;
  return dns;
}
