export { db } from "./service";
