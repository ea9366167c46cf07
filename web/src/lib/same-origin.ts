/** Methods that change something: every one of them must come from the site's own pages. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Whether a request may act: safe methods always; others only when the browser says the request
 * came from this origin. `Sec-Fetch-Site` (sent by every current browser) must be "same-origin"
 * — "same-site" is not enough, since another port on the same host is the same site; without it,
 * the Origin header must be this origin. Applied in the middleware, so it holds in `astro dev`
 * (`npm start`) as well as in the built server, where Astro's own checkOrigin also runs.
 */
export function isSameOriginRequest(request: Request, siteOrigin: string): boolean {
  if (SAFE_METHODS.has(request.method)) return true;
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite) return fetchSite === "same-origin";
  return request.headers.get("origin") === siteOrigin;
}

/**
 * Where to go after signing in: `next` resolved against the site, kept only when it stays on the
 * site's origin (so `//evil`, `/\evil`, `/%09/evil`, `https://evil` and the like fall back).
 */
export function safeNext(next: string | null | undefined, siteOrigin: string, fallback = "/dashboard"): string {
  if (!next) return fallback;
  let url: URL;
  try {
    url = new URL(next, siteOrigin);
  } catch {
    return fallback;
  }
  if (url.origin !== siteOrigin) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // A path that starts with two slashes (or a backslash) reads as another host in a Location header.
  return /^\/[/\\]/.test(path) ? fallback : path;
}
