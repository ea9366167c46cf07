/**
 * Every API route group, in mounting order (platform first). Adding a group: its folder (group.ts,
 * routes.ts, lambda.ts) and one line here and in index.ts; the Lambda table, the stacks, the tests
 * and the bench follow. Data only: the stacks import this without loading any route.
 */
import { platformGroup } from "./platform/group";
import { peopleGroup } from "./people/group";
import { accessGroup } from "./access/group";
import { schedulingGroup } from "./scheduling/group";
import { planningGroup } from "./planning/group";
import { teachingGroup } from "./teaching/group";
import { billingGroup } from "./billing/group";
import { payGroup } from "./pay/group";

export const ROUTE_GROUPS = [platformGroup, peopleGroup, accessGroup, schedulingGroup, planningGroup, teachingGroup, billingGroup, payGroup] as const;
export type GroupName = (typeof ROUTE_GROUPS)[number]["name"];
