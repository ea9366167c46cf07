/** iCalendar for lessons: documents, iMIP invitations, the VTIMEZONE of a studio's zone (used by notices and feeds). */
export { renderCalendar, type CalendarEvent, type CalendarDocument } from "./ical-calendar";
export { lessonEvent, type FeedNames } from "./lesson-event";
export { readFeedNames } from "./feed-names";
