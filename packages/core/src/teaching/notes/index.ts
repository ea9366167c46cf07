export { createLessonNote } from "./create-lesson-note";
export { deleteLessonNote } from "./delete-lesson-note";
export { listLessonNotes } from "./list-lesson-notes";
export { studentNotes } from "./student-notes";
export { updateLessonNote } from "./update-lesson-note";
export * from "./schemas";
export type { LessonNote } from "./lesson-note-view";
export { LessonNoteSchema } from "./lesson-note-schema";
