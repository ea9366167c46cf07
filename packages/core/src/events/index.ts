/** Studio events: recitals, concerts, workshops, holidays, with audiences, RSVPs and capacity, invitations, reminders and public listing. */
export { createEvent, updateEvent, cancelEvent } from "./manage-events";
export { eventFileLink, getEvent, getPublicEvent, listEvents, listRsvps, publicEventFileLink, publicEvents } from "./read-events";
export { createEventUpload } from "./event-files";
export { answerAsMember, answerByLink, answerPublicly, readLink, PUBLIC_RSVP_LIMITS } from "./rsvp";
export { sendEventReminders, type EventRemindersRun } from "./run-reminders";
export { eventInstants } from "./event-time";
export { eventsDb } from "./events-db";
export * from "./schemas";
export * from "./views";
