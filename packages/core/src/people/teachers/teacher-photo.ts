import { v7 as uuidv7 } from "uuid";
import { presignUpload, uploadedImageProblem } from "../../files";
import type { ImageUploadInput } from "../../kernel/fields/image-types";
import { invalidField } from "../../kernel/errors";
import { assertMay, type Actor } from "../../policy";
import { PHOTO_KEY_SHAPE, photoKeyFor } from "./photo-key";
import { loadTeacher } from "./teacher-access";

const UPLOAD_URL_SECONDS = 10 * 60;

/** A presigned PUT for a teacher's new photo (admins, and the teacher their own); then PATCH the teacher with `photoKey`. */
export async function createTeacherPhotoUpload(actor: Actor, studioId: string, teacherId: string, input: ImageUploadInput) {
  const { member } = await loadTeacher(actor, studioId, teacherId);
  assertMay(member, "teacher.edit", { teacherId });
  const key = photoKeyFor(studioId, teacherId, uuidv7(), input.contentType);
  const { url, headers } = await presignUpload(key, input.contentType, input.contentLength, UPLOAD_URL_SECONDS);
  return { uploadUrl: url, key, headers, expiresAt: new Date(Date.now() + UPLOAD_URL_SECONDS * 1000).toISOString() };
}

/** A new `photoKey` must be this teacher's upload, uploaded, and an image of at most 2 MB (422 on the field otherwise). */
export async function assertUsablePhoto(studioId: string, teacherId: string, key: string) {
  const match = PHOTO_KEY_SHAPE.exec(key);
  if (match?.[1] !== studioId || match[2] !== teacherId) throw invalidField("photoKey", "must be a key returned by this teacher's photo upload");
  const problem = await uploadedImageProblem(key);
  if (problem) throw invalidField("photoKey", problem);
}
