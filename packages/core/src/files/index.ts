export { contentDisposition, deleteObjects, describeObject, moveObjects, presignDownload, presignUpload, readObjectStart, type DownloadAs } from "./s3";
export { putObject, readObject } from "./s3";
export { uploadedImageProblem } from "./uploaded-image";
