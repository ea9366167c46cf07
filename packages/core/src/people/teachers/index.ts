export { createTeacher } from "./create-teacher";
export { deleteTeacher } from "./delete-teacher";
export { getTeacher } from "./get-teacher";
export { listTeachers } from "./list-teachers";
export { listPublicTeachers } from "./public-teachers";
export { restoreTeacher } from "./restore-teacher";
export { updateTeacher } from "./update-teacher";
export * from "./schemas";
export type { PublicTeacher, Teacher } from "./teacher-view";
