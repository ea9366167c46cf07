import { describe, expect, it } from "vitest";
// ElectroDB's own model validation, which src/kernel/db/entity.ts skips at runtime (no exports map hides it).
import validations from "electrodb/src/validations.js";
import { entityModels } from "../../src/kernel/db/entity";
import { db } from "../../src/db/service";
import { teachingDb } from "../../src/teaching/teaching-db";

describe("entity models", () => {
  it("every entity's model passes ElectroDB's model validation", () => {
    // Both services share the people and audit entities (teaching's includes scheduling's); every model is constructed once (and
    // the worker may have constructed more for earlier files: it does not re-import modules).
    const entities = new Set([...Object.keys(db().entities), ...Object.keys(teachingDb().entities)]);
    expect(entities.size).toBeGreaterThan(0);
    expect(entityModels.length).toBeGreaterThanOrEqual(entities.size);
    for (const model of entityModels) expect(() => validations.model(model)).not.toThrow();
  });

  it("the check would catch a broken model", () => {
    expect(() => validations.model({ model: { entity: "x", version: "1", service: "s" }, attributes: {}, indexes: {} })).toThrow();
  });
});
