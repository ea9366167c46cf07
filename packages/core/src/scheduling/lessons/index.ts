export { createLesson } from "./create-lesson";
export { createLessonSchema, lessonPlaceFields, type CreateLessonInput } from "./schemas";
export { toLesson, durationMinutes, lessonOfAttendee, type Lesson, type LessonRecord, type AttendeeRecord } from "./lesson-view";
export { mayReadLesson, mayTeachLesson, requireTeachLesson, loadLessonFor, readAttendees, familyStudentIdsOf, type LoadedLesson } from "./lesson-access";
export { lessonWrites, slotOf, holdsSlot, reminderHourOf, LESSON_CHANGED, type LessonState } from "./lesson-writes";
export { resolveParties, type LessonParties } from "./lesson-parties";
export { assertStudioOpen } from "./closed-dates";
export { LESSON_TYPES, LESSON_STATUSES, type LessonStatus } from "./lesson.entity";
export { ATTENDANCE_STATUSES, type AttendanceStatus } from "./lesson-attendee.entity";
