import type { Migration } from "../migration";
import { lessonOccurrenceStart } from "./0001-lesson-occurrence-start";

/** Every data migration, oldest first (the runner checks the order of their ids). */
export const MIGRATIONS: readonly Migration[] = [lessonOccurrenceStart];
