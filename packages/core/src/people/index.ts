export * from "./families";
export * from "./bands";
export * from "./teachers";
export * from "./students";
