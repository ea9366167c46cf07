import { IMAGE_CONTENT_TYPES, MAX_IMAGE_BYTES } from "../kernel/fields/image-types";
import { describeObject } from "./s3";

/**
 * What is wrong with an image uploaded to a presigned key (a logo, a teacher's photo), if
 * anything: not uploaded yet, larger than 2 MB, or not a PNG, JPEG, WebP or GIF image as stored.
 */
export async function uploadedImageProblem(key: string): Promise<string | undefined> {
  const object = await describeObject(key);
  if (!object) return "no file has been uploaded to this key yet";
  if (object.size > MAX_IMAGE_BYTES) return "the uploaded file is larger than 2 MB";
  if (!object.contentType || !(object.contentType in IMAGE_CONTENT_TYPES)) return "the uploaded file is not a PNG, JPEG, WebP or GIF image";
  return undefined;
}
