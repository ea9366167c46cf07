import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { sharedForRun } from "./shared-for-run";

declare module "vitest" {
  export interface ProvidedContext {
    /** A scratch folder for this run that test files share (removed when the run ends). */
    runDir: string;
  }
}

/** Global setup of the projects whose files share a scratch folder (`inject("runDir")`); starts no engine. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { resource, release } = await sharedForRun("run-dir", async () => {
    const dir = mkdtempSync(join(tmpdir(), "studiosync-run-"));
    return { dir, stop: async () => rmSync(dir, { recursive: true, force: true }) };
  });
  project.provide("runDir", resource.dir);
  return release;
}
