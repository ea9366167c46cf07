import { adminsOnly, roleNotAllowed, rule } from "../rule";

/** What the studio uses and pays the platform for, and how its own systems reach it. */
export const HOSTING_RULES = {
  /** The usage page: this month so far with its estimate, the last 12 months and the usage events behind them. */
  "usage.view": adminsOnly(),
  /** Creating, listing and revoking the studio's API keys: owners, who answer for what the keys do. */
  "api-key.manage": rule((member) => member.role === "owner", roleNotAllowed),
} as const;
