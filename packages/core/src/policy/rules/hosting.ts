import { adminsOnly, roleNotAllowed, rule } from "../rule";

/** What the studio uses and pays the platform for, and how its own systems reach it. */
export const HOSTING_RULES = {
  /** The usage page: this month so far with its estimate, the last 12 months and the usage events behind them. */
  "usage.view": adminsOnly(),
  /** Creating, listing and revoking the studio's API keys: owners, who answer for what the keys do. */
  "api-key.manage": rule((member) => member.role === "owner", roleNotAllowed),
  /** The studio's webhook endpoints, their deliveries, replays and test events: owners, as for keys. */
  "webhook.manage": rule((member) => member.role === "owner", roleNotAllowed),
  /** The studio's platform invoices and its spending cap: owners and admins see them. */
  "platform-billing.view": adminsOnly(),
  /** Saving the card the platform charges, paying an invoice, setting the cap: owners, who pay. */
  "platform-billing.manage": rule((member) => member.role === "owner", roleNotAllowed),
  /** The studio's own domains (add, verify, remove): owners, who decide where the studio's public pages live, as for keys. */
  "domain.manage": rule((member) => member.role === "owner", roleNotAllowed),
} as const;
