import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CORE_MODULES } from "../../src/modules";

const SRC = join(__dirname, "../../src");
const files = (readdirSync(SRC, { recursive: true }) as string[]).map((file) => file.split("\\").join("/"));
const entityFiles = files.filter((file) => file.endsWith(".entity.ts"));
const moduleFiles = files.filter((file) => /^[^/]+\/module\.ts$/.test(file));

describe("core module declarations", () => {
  it("lists every module.ts once, under its folder's name", () => {
    expect(CORE_MODULES.map((module) => `${module.name}/module.ts`).sort()).toEqual(moduleFiles.sort());
  });

  it("declares every entity once, in its own folder's module.ts, under one key per entity", async () => {
    const declared = new Map<object, string[]>();
    for (const module of CORE_MODULES) {
      for (const [key, entity] of Object.entries(module.entities)) declared.set(entity, [...(declared.get(entity) ?? []), `${module.name}.${key}`]);
    }
    const keys = CORE_MODULES.flatMap((module) => Object.keys(module.entities));
    expect(new Set(keys).size).toBe(keys.length);
    let found = 0;
    for (const file of entityFiles) {
      const exported = await import(join(SRC, file));
      const entities = Object.entries(exported).filter(([name]) => name.endsWith("Entity"));
      expect(entities.length, file).toBeGreaterThan(0);
      found += entities.length;
      for (const [name, entity] of entities) {
        const where = declared.get(entity as object);
        expect(where, `${name} (${file})`).toHaveLength(1);
        expect(where?.[0]?.split(".")[0], name).toBe(file.split("/")[0]);
      }
    }
    expect(declared.size).toBe(found);
  });
});
