export { portalHome, PORTAL_LESSON_DAYS, PORTAL_LESSON_LIMIT, type PortalHome } from "./portal-home";
export { readHousehold, chosenStudent, type Household } from "./household";
export { portalHomeQuerySchema, type PortalHomeQuery } from "./schemas";
