export { describeObject, presignDownload, presignUpload, s3 } from "./s3";
