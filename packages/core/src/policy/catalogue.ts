import { BILLING_RULES } from "./rules/billing";
import { LEAD_RULES } from "./rules/leads";
import { CLASS_RULES } from "./rules/classes";
import { EVENT_RULES } from "./rules/events";
import { HOSTING_RULES } from "./rules/hosting";
import { LENDING_RULES } from "./rules/lending";
import { MESSAGING_RULES } from "./rules/messaging";
import { PEOPLE_RULES } from "./rules/people";
import { RESOURCE_RULES } from "./rules/resources";
import { ROOM_RULES } from "./rules/rooms";
import { SCHEDULING_RULES } from "./rules/scheduling";
import { STUDIO_RULES } from "./rules/studio";
import { TEACHING_RULES } from "./rules/teaching";

/**
 * Every permission rule of a studio, one entry per action: "who may do this, given these facts",
 * and the answer a refusal gets. The permission matrix (packages/functions/test/matrix) names the
 * action each route row exercises, and checks every action here is exercised.
 */
export const CATALOGUE = {
  ...STUDIO_RULES,
  ...PEOPLE_RULES,
  ...SCHEDULING_RULES,
  ...TEACHING_RULES,
  ...BILLING_RULES,
  ...LENDING_RULES,
  ...CLASS_RULES,
  ...RESOURCE_RULES,
  ...ROOM_RULES,
  ...LEAD_RULES,
  ...MESSAGING_RULES,
  ...EVENT_RULES,
  ...HOSTING_RULES,
};
