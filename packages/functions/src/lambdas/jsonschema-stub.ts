/**
 * Stands in for the `jsonschema` package (28 KB) in the Lambda bundles. ElectroDB uses it for two
 * things: validating entity models, which core/src/kernel/db/entity.ts skips at runtime (the unit test
 * entity-models.test.ts runs the real check over every model), and telling raw models from entity
 * instances. Answering "not a model" to every value makes it recognise our entities by their
 * instance marker, which is what they are: we never hand ElectroDB a raw model.
 */
export function Validator(): void {}
Validator.prototype.customFormats = {} as Record<string, unknown>;
Validator.prototype.addSchema = (): void => {};
Validator.prototype.validate = () => ({
  errors: [{ property: "instance", message: "is not checked in the Lambda bundle (see jsonschema-stub.ts)" }],
});
