import { createRoute, z } from "@hono/zod-openapi";
import * as Teaching from "@studiosync/core/teaching";
import { createRouter } from "../http/router";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";
import { LessonNotePageSchema, LessonNoteSchema, StudentNotesPageSchema } from "../schemas/teaching";
import { pathId, secured, studioParams } from "../http/route-params";

const tags = ["Lesson notes"];
const lessonParams = z.object({ studioId: pathId("studioId"), lessonId: pathId("lessonId") });
const noteParams = lessonParams.extend({ noteId: pathId("noteId") });

const listNotes = createRoute({
  method: "get",
  path: "/{studioId}/lessons/{lessonId}/notes",
  tags,
  summary: "A lesson's notes: admins and its teachers all; its students those visible to the student; their parents those visible to the parent",
  ...secured,
  request: { params: lessonParams, query: Teaching.listLessonNotesQuerySchema },
  responses: { 200: jsonResponse(LessonNotePageSchema, "One page of notes, oldest first"), ...problems(401, 404, 422) },
});

const studentNotes = createRoute({
  method: "get",
  path: "/{studioId}/notes",
  tags,
  summary: "A student's lesson notes, newest lesson first (whoever may see the student: each lesson's notes as its list shows them to them)",
  description:
    "Their lessons up to now, `limit` (at most 25) lessons a page; lessons without a note the caller may see are left out, so a page may hold fewer.",
  ...secured,
  request: { params: studioParams, query: Teaching.studentNotesQuerySchema },
  responses: { 200: jsonResponse(StudentNotesPageSchema, "One page of lessons with their notes"), ...problems(401, 404, 422) },
});

const createNote = createRoute({
  method: "post",
  path: "/{studioId}/lessons/{lessonId}/notes",
  tags,
  summary: "Write a note on a lesson (admins, the teacher teaching it); hidden from students and parents unless marked visible",
  ...secured,
  request: { params: lessonParams, body: jsonBody(Teaching.createLessonNoteSchema.openapi("CreateLessonNoteRequest")) },
  responses: { 201: jsonResponse(LessonNoteSchema, "The new note"), ...problems(401, 403, 404, 422) },
});

const updateNote = createRoute({
  method: "patch",
  path: "/{studioId}/lessons/{lessonId}/notes/{noteId}",
  tags,
  summary: "Change a note (admins, the teacher teaching the lesson). `null` clears homework",
  ...secured,
  request: { params: noteParams, body: jsonBody(Teaching.updateLessonNoteSchema.openapi("UpdateLessonNoteRequest")) },
  responses: { 200: jsonResponse(LessonNoteSchema, "The updated note"), ...problems(401, 403, 404, 409, 422) },
});

const deleteNote = createRoute({
  method: "delete",
  path: "/{studioId}/lessons/{lessonId}/notes/{noteId}",
  tags,
  summary: "Delete a note (admins, the teacher teaching the lesson)",
  ...secured,
  request: { params: noteParams },
  responses: { 204: { description: "Deleted" }, ...problems(401, 403, 404, 409) },
});

export const lessonNoteRoutes = createRouter()
  .openapi(studentNotes, async (c) => c.json(await Teaching.studentNotes(c.get("actor"), c.req.valid("param").studioId, c.req.valid("query")), 200))
  .openapi(listNotes, async (c) => {
    const { studioId, lessonId } = c.req.valid("param");
    return c.json(await Teaching.listLessonNotes(c.get("actor"), studioId, lessonId, c.req.valid("query")), 200);
  })
  .openapi(createNote, async (c) => {
    const { studioId, lessonId } = c.req.valid("param");
    return c.json(await Teaching.createLessonNote(c.get("actor"), studioId, lessonId, c.req.valid("json")), 201);
  })
  .openapi(updateNote, async (c) => {
    const { studioId, lessonId, noteId } = c.req.valid("param");
    return c.json(await Teaching.updateLessonNote(c.get("actor"), studioId, lessonId, noteId, c.req.valid("json")), 200);
  })
  .openapi(deleteNote, async (c) => {
    const { studioId, lessonId, noteId } = c.req.valid("param");
    await Teaching.deleteLessonNote(c.get("actor"), studioId, lessonId, noteId);
    return c.body(null, 204);
  });
