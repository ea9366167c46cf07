import { createRouter } from "../http/router";

export const lessonNoteRoutes = createRouter();
