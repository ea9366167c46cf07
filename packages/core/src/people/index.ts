export * from "./families";
export * from "./bands";
export * from "./teachers";
export * from "./students";
export { searchKeys } from "./person-fields";
export { todayIn } from "./profile-fields";
