export { describeObject, presignDownload, presignUpload } from "./s3";
