/**
 * A core module's declaration (its `module.ts`): its name and the ElectroDB entities it owns, each
 * under the key services and transactions use for it. The services (db/, each module's `*-db.ts`)
 * are composed from these declarations, and modules.ts lists them all once.
 */
export interface CoreModule {
  readonly name: string;
  readonly entities: Readonly<Record<string, object>>;
}
