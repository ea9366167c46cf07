import { ensureStaffLogin, setPlatformOperator } from "@studiosync/core/operators";

/**
 * The demo's platform operator: a login of StudioSync's own staff, in no studio, made an operator as
 * `npm run operator -- grant` would. Signed in, the site's /platform console lists every studio.
 */
export const DEMO_OPERATOR = { email: "ops@studiosync.test", password: "keep-the-lights-on-5", name: "Olu Operator" } as const;

/**
 * Makes the demo operator's login if it is missing and grants it the role. Safe on every start: a
 * demo seeded before the console existed gets its operator too.
 */
export async function seedDemoOperator(): Promise<typeof DEMO_OPERATOR> {
  await ensureStaffLogin(DEMO_OPERATOR);
  await setPlatformOperator(DEMO_OPERATOR.email, true, "cli:demo-seed");
  return DEMO_OPERATOR;
}
