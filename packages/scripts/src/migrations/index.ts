import type { Migration } from "../migration";
import { lessonOccurrenceStart } from "./0001-lesson-occurrence-start";
import { studioDirectory } from "./0002-studio-directory";

/** Every data migration, oldest first (the runner checks the order of their ids). */
export const MIGRATIONS: readonly Migration[] = [lessonOccurrenceStart, studioDirectory];
