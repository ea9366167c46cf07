export { markAttendance } from "./mark-attendance";
export { getLessonAttendance } from "./get-lesson-attendance";
export { attendanceHistory } from "./attendance-history";
export { markAttendanceSchema, attendanceHistoryQuerySchema, type MarkAttendanceInput, type AttendanceHistoryQuery } from "./schemas";
export { toAttendanceEntry, type AttendanceEntry } from "./attendance-view";
export { AttendanceEntrySchema, LessonSummarySchema } from "./attendance-schema";
