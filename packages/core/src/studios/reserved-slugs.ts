/**
 * Slugs that can never name a studio: the site's own pages (a studio at /login would hide the
 * login page), infrastructure words, and names that invite impersonation.
 */
export const RESERVED_SLUGS = new Set([
  "404", "500",
  "about", "account", "admin", "api", "app", "assets", "auth", "billing", "blog", "contact", "dashboard",
  "docs", "download", "email", "favicon.ico", "forgot-password", "help", "home", "invite", "invitations",
  "join", "legal", "login", "logout", "mail", "me", "new", "pay", "pricing", "privacy", "public",
  "reference", "register", "reset-password", "robots.txt", "root", "security", "settings", "signin",
  "signup", "sitemap.xml", "static", "status", "studio", "studios", "studiosync", "support", "system",
  "terms", "v1", "v2", "verify-email", "www",
]);
