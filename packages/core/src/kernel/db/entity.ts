import { Entity } from "electrodb";

/**
 * ElectroDB checks every model against its JSON schema (twice: the beta shape, then v1) each time
 * an entity is built — about half of the API's own cold-start time, spent re-checking constant
 * definitions. We record the models instead, and packages/core/test/unit/entity-models.test.ts
 * runs ElectroDB's own check over every one of them.
 */
export const entityModels: unknown[] = [];

const prototype = Entity.prototype as unknown as { _validateModel(model: unknown): void };
prototype._validateModel = (model) => {
  entityModels.push(model);
};

export { Entity };
