import type { Template } from "aws-cdk-lib/assertions";

/** Helpers to read synthesized CloudFormation templates in the infra tests. */

type Resource = { Type: string; Properties?: any; DeletionPolicy?: string };

export function resources(template: Template, type: string): Record<string, Resource> {
  return template.findResources(type) as Record<string, Resource>;
}

/** The only resource of `type`; fails when there are none or several. */
export function only(template: Template, type: string): { id: string; resource: Resource } {
  const found = Object.entries(resources(template, type));
  if (found.length !== 1) throw new Error(`Expected exactly one ${type}, found ${found.length}`);
  const [id, resource] = found[0]!;
  return { id, resource };
}

/** Lambda functions whose props match `predicate`. */
export function functions(template: Template, predicate: (props: any) => boolean): Resource[] {
  return Object.values(resources(template, "AWS::Lambda::Function")).filter((f) => predicate(f.Properties));
}

/**
 * Renders an intrinsic (Fn::Join / Ref / Fn::ImportValue / Fn::GetAtt) as a readable string so
 * ARNs can be compared exactly: the partition becomes "aws", imports become `import:<name>`.
 */
export function flatten(value: unknown): string {
  if (typeof value === "string") return value;
  const v = value as Record<string, any>;
  if (v.Ref === "AWS::Partition") return "aws";
  if (typeof v.Ref === "string") return `ref:${v.Ref}`;
  if (v["Fn::ImportValue"]) return `import:${flatten(v["Fn::ImportValue"])}`;
  if (v["Fn::GetAtt"]) return `getatt:${v["Fn::GetAtt"].join(".")}`;
  if (v["Fn::Join"]) return (v["Fn::Join"][1] as unknown[]).map(flatten).join(v["Fn::Join"][0]);
  throw new Error(`Cannot flatten ${JSON.stringify(value)}`);
}

/**
 * How another stack sees `template`'s Ref (no attribute) or GetAtt of `logicalId`:
 * "import:<export name>", comparable with flatten() output.
 */
export function importOf(template: Template, logicalId: string, attribute?: string): string {
  const outputs = Object.values(template.toJSON().Outputs as Record<string, any>);
  const wanted = JSON.stringify(attribute ? { "Fn::GetAtt": [logicalId, attribute] } : { Ref: logicalId });
  const found = outputs.find((o) => o.Export && JSON.stringify(o.Value) === wanted);
  if (!found) throw new Error(`No export of ${logicalId}${attribute ? `.${attribute}` : ""}`);
  return `import:${flatten(found.Export.Name)}`;
}

export interface Statement {
  effect: string;
  actions: string[];
  resources: string[];
  /** NotAction/NotResource/Condition/Principal present: these widen or change meaning. */
  unusual: string[];
}

function normalize(raw: Record<string, unknown>): Statement {
  const list = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
  return {
    effect: String(raw.Effect),
    actions: list(raw.Action).map(String).sort(),
    resources: list(raw.Resource).map(flatten).sort(),
    unusual: ["NotAction", "NotResource", "Condition", "Principal"].filter((k) => k in raw),
  };
}

/** Statements of every AWS::IAM::Policy and inline role policy in the templates. */
export function allStatements(...templates: Template[]): Statement[] {
  const raw: Record<string, unknown>[] = [];
  for (const t of templates) {
    for (const p of Object.values(resources(t, "AWS::IAM::Policy"))) raw.push(...p.Properties.PolicyDocument.Statement);
    for (const r of Object.values(resources(t, "AWS::IAM::Role"))) {
      for (const inline of r.Properties?.Policies ?? []) raw.push(...inline.PolicyDocument.Statement);
    }
  }
  return raw.map(normalize);
}

/** The raw statements of the policies attached to the role behind `roleArn` (a Fn::GetAtt of the role). */
export function rawRoleStatements(template: Template, roleArn: unknown): Record<string, any>[] {
  const roleId = (roleArn as { "Fn::GetAtt": [string, string] })["Fn::GetAtt"][0];
  return Object.values(resources(template, "AWS::IAM::Policy"))
    .filter((p) => p.Properties.Roles.some((r: { Ref?: string }) => r.Ref === roleId))
    .flatMap((p) => p.Properties.PolicyDocument.Statement);
}

/** Statements of the policies attached to the role behind `roleArn` (a Fn::GetAtt of the role). */
export function roleStatements(template: Template, roleArn: unknown): Statement[] {
  return rawRoleStatements(template, roleArn).map(normalize);
}
