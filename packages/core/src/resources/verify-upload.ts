import { deleteObjects, describeObject, readObjectStart } from "../files";
import { AppError, invalidField } from "../kernel/errors";
import { bytesText, KIND_LABELS, kindOf, MAX_BYTES_BY_KIND, type ResourceContentType, type ResourceKind } from "./file-types";
import { isResourceKeyOf } from "./object-keys";
import { bytesMatchKind, SNIFF_BYTES } from "./sniff";

export interface VerifiedFile {
  key: string;
  kind: ResourceKind;
  size: number;
}

export const tooLarge = (kind: ResourceKind, size: number) =>
  new AppError("resource.too_large", `A ${KIND_LABELS[kind]} may be at most ${bytesText(MAX_BYTES_BY_KIND[kind])}`, {
    errors: [{ path: "size", message: `is ${bytesText(size)}; the limit for a ${KIND_LABELS[kind]} is ${bytesText(MAX_BYTES_BY_KIND[kind])}` }],
  });

const notUsable = (kind: ResourceKind) =>
  new AppError("resource.upload_not_usable", "The uploaded file is not what it was declared to be", {
    errors: [{ path: "contentType", message: `the file's content is not a ${KIND_LABELS[kind]}` }],
  });

/**
 * The one check an uploaded object passes before it becomes a resource's file, on AWS and locally
 * alike (s3rver enforces no presigned limit): the key has this studio's exact shape; the object is
 * there; its size is within its kind's cap; its first bytes sniff as the declared kind. An object
 * that fails is deleted before the refusal, so nothing unconfirmed stays in storage.
 */
export async function verifyUpload(studioId: string, key: string, contentType: ResourceContentType): Promise<VerifiedFile> {
  if (!isResourceKeyOf(studioId, key, contentType)) throw invalidField("key", "must be the key an upload of this studio returned, for this content type");
  const object = await describeObject(key);
  if (!object) throw invalidField("key", "no file has been uploaded to this key (or the upload was already refused)");
  const kind = kindOf(contentType);
  if (object.size > MAX_BYTES_BY_KIND[kind]) {
    await deleteObjects([key]);
    throw tooLarge(kind, object.size);
  }
  const start = await readObjectStart(key, SNIFF_BYTES);
  if (!start || !bytesMatchKind(start, kind)) {
    await deleteObjects([key]);
    throw notUsable(kind);
  }
  return { key, kind, size: object.size };
}
