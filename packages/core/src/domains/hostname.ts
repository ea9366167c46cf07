import { isIP } from "node:net";
import { domainToASCII } from "node:url";

/**
 * What a studio may attach: a public DNS name, written the way DNS carries it — lower case, an
 * internationalized name in punycode (`bücher.example.com` → `xn--bcher-kva.example.com`), no
 * trailing dot. Not an IP address, not a single label, not a name under a top-level domain the
 * public DNS never answers for. Whether the name is registrable (not a public suffix such as
 * `co.uk`) is not checked against the Public Suffix List: the TXT record decides, and only the
 * name's registrant can publish one.
 */

/** Leaves room for `_studiosync-verify.` in front within DNS's 253 characters. */
export const MAX_HOSTNAME = 230;

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const TLD = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/**
 * Top-level names that never resolve on the public internet: special-use names (RFC 6761, 6762,
 * 7686, 9476, `.internal`) and those home and office networks use on their own.
 */
const PRIVATE_TLDS = new Set([
  "alt",
  "arpa",
  "corp",
  "example",
  "home",
  "internal",
  "intranet",
  "invalid",
  "lan",
  "local",
  "localdomain",
  "localhost",
  "onion",
  "private",
  "test",
]);

export type HostnameReading = { hostname: string } | { error: string };

const TYPE_IT = "such as www.your-studio.com";

/** A domain a person typed, normalized, or why it can't be attached (in words for them). */
export function readHostname(input: string): HostnameReading {
  const text = input.trim();
  if (!text) return { error: `Enter a domain, ${TYPE_IT}` };
  if (isIP(text) || text.startsWith("[")) return { error: "must be a domain name, not an IP address" };
  if (/[\s/:@?#\\]/.test(text)) return { error: `Enter the domain alone, ${TYPE_IT}: no https://, path or port` };
  const ascii = toAscii(text.replace(/\.$/, ""));
  if (ascii === undefined) return { error: "isn't a valid domain name" };
  if (isIP(ascii)) return { error: "must be a domain name, not an IP address" };
  if (ascii.length > MAX_HOSTNAME) return { error: `must be at most ${MAX_HOSTNAME} characters` };
  const labels = ascii.split(".");
  if (labels.length < 2) return { error: `needs at least one dot: a full domain, ${TYPE_IT}` };
  if (!labels.every((label) => LABEL.test(label)))
    return { error: "may use letters, digits and hyphens between its dots (a hyphen not first or last), up to 63 at a time" };
  const tld = labels.at(-1)!;
  if (!TLD.test(tld)) return { error: "doesn't end in a top-level domain such as .com" };
  if (PRIVATE_TLDS.has(tld)) return { error: `ends in .${tld}, which the public internet doesn't use` };
  return { hostname: ascii };
}

/**
 * A host as a request or a path names it (a Host header, a path parameter), normalized the same
 * way — lower case, punycode, no port or trailing dot — without judging it; undefined when it can't
 * be a DNS name at all.
 */
export function hostKey(input: string): string | undefined {
  const text = input
    .trim()
    .toLowerCase()
    .replace(/:\d{1,5}$/, "")
    .replace(/\.$/, "");
  if (!text || text.length > 253 || isIP(text) || /[\s/\\?#@:%[\]]/.test(text)) return undefined;
  const ascii = toAscii(text);
  return ascii && /^[a-z0-9.-]+$/.test(ascii) && !ascii.includes("..") ? ascii : undefined;
}

/** WHATWG's domain-to-ASCII (IDNA with UTS #46 mapping, lower case), undefined when it refuses. */
function toAscii(text: string): string | undefined {
  const ascii = domainToASCII(text);
  return ascii ? ascii.toLowerCase() : undefined;
}
