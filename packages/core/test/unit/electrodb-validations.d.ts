/** ElectroDB's internal model validator (CommonJS, untyped), used by entity-models.test.ts. */
declare module "electrodb/src/validations.js" {
  const validations: { model(model: unknown): void };
  export default validations;
}
