import { describe, expect, it } from "vitest";
import { ROLES } from "../../src/accounts/membership.entity";
import { may } from "../../src/policy";

const STUDIO_ACTIONS = ["studio.read", "studio.update", "studio.branding.upload"] as const;

/** The whole role × action table, written out so any change to it is a visible diff. */
const EXPECTED: Record<(typeof ROLES)[number], string[]> = {
  owner: ["studio.read", "studio.update", "studio.branding.upload"],
  admin: ["studio.read", "studio.update", "studio.branding.upload"],
  teacher: ["studio.read"],
  student: ["studio.read"],
  parent: ["studio.read"],
};

describe("studio permissions", () => {
  for (const role of ROLES) {
    for (const action of STUDIO_ACTIONS) {
      const allowed = EXPECTED[role].includes(action);
      it(`${role} ${allowed ? "may" : "may not"} ${action}`, () => {
        expect(may({ userId: "u", role }, action)).toBe(allowed);
      });
    }
  }
});
