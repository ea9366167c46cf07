export { sendLessonReminders, REMINDER_JOB, type ReminderRun } from "./send-lesson-reminders";
export { reminderRecipients, type ReminderRecipient } from "./reminder-recipients";
