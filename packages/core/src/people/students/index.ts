export { createStudent } from "./create-student";
export { deleteStudent } from "./delete-student";
export { getStudent } from "./get-student";
export { listStudents, studentsFor } from "./list-students";
export { restoreStudent } from "./restore-student";
export { updateStudent } from "./update-student";
export * from "./schemas";
export type { Student, StudentRecord } from "./student-view";
export { StudentSchema } from "./student-schema";
