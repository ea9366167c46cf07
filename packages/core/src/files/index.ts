export { deleteObjects, describeObject, presignDownload, presignUpload } from "./s3";
export { putObject } from "./s3";
