import { describe, expect, it } from "vitest";
// ElectroDB's own model validation, which src/kernel/db/entity.ts skips at runtime (no exports map hides it).
import validations from "electrodb/src/validations.js";
import { entityModels } from "../../src/kernel/db/entity";
import { CORE_MODULES } from "../../src/modules";

describe("entity models", () => {
  it("every entity's model passes ElectroDB's model validation", () => {
    // Every model declared by a module is constructed once (the worker may have constructed them for
    // earlier files already: it does not re-import modules).
    const entities = new Set(CORE_MODULES.flatMap((module) => Object.values(module.entities)));
    expect(entities.size).toBeGreaterThan(0);
    expect(entityModels.length).toBeGreaterThanOrEqual(entities.size);
    for (const model of entityModels) expect(() => validations.model(model)).not.toThrow();
  });

  it("the check would catch a broken model", () => {
    expect(() => validations.model({ model: { entity: "x", version: "1", service: "s" }, attributes: {}, indexes: {} })).toThrow();
  });
});
