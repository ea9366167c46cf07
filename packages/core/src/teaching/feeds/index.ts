export { FEED_SUBJECTS } from "./calendar-feed.entity";
export { createCalendarFeed } from "./create-calendar-feed";
export { listCalendarFeeds } from "./list-calendar-feeds";
export { revokeCalendarFeed } from "./revoke-calendar-feed";
export { calendarFeedIcs } from "./calendar-feed-ics";
export { createCalendarFeedSchema, listCalendarFeedsQuerySchema, type CreateCalendarFeedInput, type ListCalendarFeedsQuery } from "./schemas";
export { toCalendarFeed, type CalendarFeed } from "./feed-view";
export type { FeedSubject, FeedSubjectType } from "./feed-subject";
export { FEED_WINDOW } from "./feed-lessons";
