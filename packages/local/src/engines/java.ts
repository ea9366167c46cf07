import { spawnSync } from "node:child_process";

const MIN_JAVA = 17;
const DEBIAN_PACKAGE = "openjdk-17-jre-headless";

/** Major version of the `java` on PATH, or undefined when there is none. */
export function javaMajorVersion(): number | undefined {
  const result = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (result.error || result.status !== 0) return undefined;
  // `openjdk version "17.0.15" …` or, before Java 9, `java version "1.8.0_392"`.
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr}${result.stdout}`);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 ? Number(match[2] ?? 0) : first;
}

/**
 * DynamoDB Local needs Java ≥ 17. As root (CI, containers) install it from Debian;
 * otherwise stop with the one command that fixes it.
 */
export function ensureJava(): void {
  const found = javaMajorVersion();
  if (found !== undefined && found >= MIN_JAVA) return;
  const what = found === undefined ? "Java was not found" : `Java ${found} is too old`;
  console.log(
    `DynamoDB Local needs Java >= ${MIN_JAVA}; ${what}. Debian package: ${DEBIAN_PACKAGE}` +
      (process.getuid?.() === 0 ? " (installing it now)" : ` (run: sudo apt-get install -y ${DEBIAN_PACKAGE})`),
  );
  if (process.getuid?.() !== 0) throw new Error(`Install ${DEBIAN_PACKAGE} (Java >= ${MIN_JAVA}) and retry`);
  const install = spawnSync(
    "sh",
    // Newer Debian releases dropped openjdk-17; their default JRE is newer and works too.
    ["-c", `apt-get update && (apt-get install -y ${DEBIAN_PACKAGE} || apt-get install -y default-jre-headless)`],
    { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } },
  );
  const after = javaMajorVersion();
  if (install.status !== 0 || after === undefined || after < MIN_JAVA) {
    const tail = `${install.stdout ?? ""}${install.stderr ?? ""}`.split("\n").slice(-15).join("\n");
    throw new Error(`Installing ${DEBIAN_PACKAGE} failed:\n${tail}`);
  }
}
