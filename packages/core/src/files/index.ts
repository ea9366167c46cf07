export { deleteObjects, describeObject, presignDownload, presignUpload } from "./s3";
