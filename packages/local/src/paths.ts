import { fileURLToPath } from "node:url";
import { join } from "node:path";

/** Absolute paths the offline runtime works with, independent of the current directory. */
export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const LOCAL_PACKAGE_DIR = join(REPO_ROOT, "packages", "local");
export const WEB_DIR = join(REPO_ROOT, "web");
/** `npm start` keeps its state here (gitignored); `npm start -- --fresh` wipes it. */
export const DATA_DIR = join(REPO_ROOT, ".data");
