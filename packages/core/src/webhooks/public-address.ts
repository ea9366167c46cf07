import { lookup } from "node:dns/promises";
import { isIP, type LookupFunction } from "node:net";

/**
 * Where a webhook may be sent: only to globally routable unicast addresses, so a studio cannot point
 * one at the platform's own network (10/8, the cloud metadata service at 169.254.169.254, loopback…).
 * A name is judged by every address it resolves to, and the socket connects to exactly the address
 * that was judged (pinnedLookup), so a second, different DNS answer cannot slip in between.
 */

/** The IPv4 ranges refused (RFC 6890 special-purpose blocks), as [first address, prefix length]. */
const V4_REFUSED: [string, number][] = [
  ["0.0.0.0", 8], // "this network"
  ["10.0.0.0", 8], // private
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8], // loopback
  ["169.254.0.0", 16], // link-local, with the cloud metadata service
  ["172.16.0.0", 12], // private
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.0.2.0", 24], // documentation (TEST-NET-1)
  ["192.88.99.0", 24], // 6to4 relay anycast
  ["192.168.0.0", 16], // private
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24], // documentation (TEST-NET-2)
  ["203.0.113.0", 24], // documentation (TEST-NET-3)
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, with the broadcast address 255.255.255.255
];

/** An IPv4 address as a 32-bit number, from isIP-checked dotted decimal. */
const v4Number = (ip: string) => ip.split(".").reduce((n, part) => n * 256 + Number(part), 0);

const V4_RANGES = V4_REFUSED.map(([first, bits]) => ({ first: v4Number(first), size: 2 ** (32 - bits) }));

const isPublicV4 = (n: number) => !V4_RANGES.some(({ first, size }) => n >= first && n < first + size);

/** An IPv6 address (no zone id) as a 128-bit number: `::` expanded, a dotted IPv4 tail read as its two groups. */
function v6Number(ip: string): bigint | null {
  let text = ip;
  const dot = text.includes(".") ? text.lastIndexOf(":") : -1;
  if (dot >= 0) {
    const v4 = v4Number(text.slice(dot + 1));
    text = `${text.slice(0, dot + 1)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  if (groups.length !== 8) return null;
  return groups.reduce((n, group) => (n << 16n) | BigInt(Number.parseInt(group, 16)), 0n);
}

/** A range of IPv6 addresses from its first address and prefix length. */
function v6Range(first: string, bits: number) {
  const shift = BigInt(128 - bits);
  const prefix = v6Number(first)! >> shift;
  return (n: bigint) => n >> shift === prefix;
}

/** IANA's global unicast block: everything outside it (::, ::1, 100::/64, fc00::/7, fe80::/10, fec0::/10, ff00::/8…) is refused. */
const GLOBAL_UNICAST = v6Range("2000::", 3);
/** Inside it, refused: IETF protocol assignments (Teredo 2001::/32, benchmarking, ORCHID), documentation. */
const V6_REFUSED = [v6Range("2001::", 23), v6Range("2001:db8::", 32), v6Range("3fff::", 20)];
/** Addresses that carry an IPv4 address, judged by it: IPv4-mapped and NAT64 in their last 32 bits, 6to4 in bits 16–47. */
const MAPPED = v6Range("::ffff:0:0", 96);
const NAT64 = v6Range("64:ff9b::", 96);
const SIX_TO_FOUR = v6Range("2002::", 16);

const low32 = (n: bigint) => Number(n & 0xffffffffn);

function isPublicV6(n: bigint): boolean {
  if (MAPPED(n) || NAT64(n)) return isPublicV4(low32(n));
  if (SIX_TO_FOUR(n)) return isPublicV4(low32(n >> 80n));
  return GLOBAL_UNICAST(n) && !V6_REFUSED.some((inRange) => inRange(n));
}

/** An IP literal as a number, or null when it is not one. A zone id (`fe80::1%eth0`) makes it null: scoped addresses are never public. */
function parse(ip: string): { family: 4; n: number } | { family: 6; n: bigint } | null {
  const family = isIP(ip);
  if (family === 4) return { family, n: v4Number(ip) };
  if (family !== 6 || ip.includes("%")) return null;
  const n = v6Number(ip);
  return n === null ? null : { family, n };
}

/** True only for a globally routable unicast IP literal; anything else (a name, a private or special range) is false. */
export function isPublicAddress(ip: string): boolean {
  const parsed = parse(ip);
  if (!parsed) return false;
  return parsed.family === 4 ? isPublicV4(parsed.n) : isPublicV6(parsed.n);
}

/** 127/8, ::1 and IPv4-mapped 127/8 (`::ffff:127.0.0.1`). */
export function isLoopbackAddress(ip: string): boolean {
  const parsed = parse(ip);
  if (!parsed) return false;
  if (parsed.family === 4) return parsed.n >>> 24 === 127;
  return parsed.n === 1n || (MAPPED(parsed.n) && low32(parsed.n) >>> 24 === 127);
}

/** Every address a name resolves to (injected in tests). */
export type Resolve = (hostname: string) => Promise<{ address: string; family: 4 | 6 }[]>;

const systemResolve: Resolve = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));

/** A webhook host that is, or resolves to, an address webhooks may not reach. */
export class PrivateAddressError extends Error {
  constructor(
    host: string,
    readonly address: string,
  ) {
    super(host === address ? `${address} is not a public address` : `${host} resolves to ${address}, which is not a public address`);
    this.name = "PrivateAddressError";
  }
}

export interface AddressOptions {
  /** Also allow loopback addresses (and no other private address): see webhooksMayUseLoopback. */
  allowLoopback?: boolean;
  resolve?: Resolve;
}

/**
 * The address to connect to for a webhook host: an IP literal (IPv6 with or without brackets) is
 * judged as it is, a name by every address it resolves to; one refused address refuses the name
 * (PrivateAddressError). The first address is returned. A name that resolves to nothing is an error.
 */
export async function resolvePublicAddress(hostname: string, options: AddressOptions = {}): Promise<{ address: string; family: 4 | 6 }> {
  const host = hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
  const allowed = (address: string) => isPublicAddress(address) || (options.allowLoopback === true && isLoopbackAddress(address));
  const addresses = isIP(host) ? [host] : (await (options.resolve ?? systemResolve)(host)).map(({ address }) => address);
  if (addresses.length === 0) throw new Error(`${host} does not resolve to any address`);
  const refused = addresses.find((address) => !allowed(address));
  if (refused !== undefined) throw new PrivateAddressError(host, refused);
  const address = addresses[0]!;
  return { address, family: isIP(address) === 6 ? 6 : 4 };
}

/**
 * A `lookup` for http(s).request and net.connect: resolves and judges the name (resolvePublicAddress)
 * and hands the socket the address it judged, so the connection goes where the check looked. Node
 * asks for `all: true` when it may try several families; the answer is then that one address.
 * Node does not call `lookup` for an IP literal host: check those before connecting.
 */
export function pinnedLookup(options: AddressOptions = {}): LookupFunction {
  return (hostname, lookupOptions, callback) => {
    resolvePublicAddress(hostname, options).then(
      ({ address, family }) => (lookupOptions.all === true ? callback(null, [{ address, family }]) : callback(null, address, family)),
      (error: Error) => callback(error, "", 0),
    );
  };
}

/**
 * The one allowance for loopback webhook targets, for local runs and tests that post to a receiver
 * on 127.0.0.1: `STUDIOSYNC_WEBHOOKS_ALLOW_LOOPBACK=1`, and never on Lambda (AWS_LAMBDA_FUNCTION_NAME
 * set, even empty), whatever the variable says. Other private ranges are refused even then.
 */
export function webhooksMayUseLoopback(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.STUDIOSYNC_WEBHOOKS_ALLOW_LOOPBACK === "1" && env.AWS_LAMBDA_FUNCTION_NAME === undefined;
}
