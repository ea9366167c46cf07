import "../../../bound-env";
import * as Scheduling from "@studiosync/core/scheduling";

/** EventBridge (rate 15 minutes, see schedule.ts) → the reminder job; safe to run twice. */
export const handler = async () => Scheduling.sendLessonReminders({ now: new Date() });
