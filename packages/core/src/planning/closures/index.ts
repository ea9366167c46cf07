export { createClosure } from "./create-closure";
export { listClosures } from "./list-closures";
export { deleteClosure } from "./delete-closure";
export { cancelClosureLessons, type ClosureContext } from "./cancel-closure-lessons";
export { createClosureSchema, listClosuresQuerySchema, MAX_CLOSURE_DAYS, type CreateClosureInput, type ListClosuresQuery } from "./schemas";
export { previewClosure, type ClosurePreview } from "./preview-closure";
export { previewClosureQuerySchema, type PreviewClosureQuery } from "./schemas";
