export * from "./app-error";
export * from "./engine-unavailable";
export * from "./reasons";
