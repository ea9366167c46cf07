export { getStudio } from "./get-studio";
export { getPublicStudio } from "./public-studio";
export { createLogoUpload } from "./logo-upload";
export { updateStudio } from "./update-studio";
export * from "./schemas";
export type { PublicStudio, Studio } from "./studio-view";
export { PublicStudioSchema, StudioSchema } from "./studio-schema";
