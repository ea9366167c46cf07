/**
 * Hostile requests generated from an OpenAPI 3.1 document, deterministically (seeded): for each
 * operation a fixed list of cases (wrong types, missing fields, huge and hostile strings,
 * prototype keys, deep nesting, bad ids, cursors, limits and headers).
 */
type Schema = Record<string, any>;
export interface Operation {
  method: string;
  path: string;
  op: Schema;
}
export interface FuzzCase {
  label: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  rawBody?: string;
  anonymous?: boolean;
}

/** mulberry32: a tiny seeded generator, so every run sends the same requests. */
export function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]! };
}

export const HOSTILE_STRINGS = [
  "\u0000",
  "a\u0000b",
  "\uD800",
  "tail \uDFFF",
  "\u202Egnp.exe",
  "𝕳𝖊𝖑𝖑𝖔 🎻 ünïcödé",
  "' OR 1=1 --",
  "<script>alert(1)</script>",
  "${7*7}{{7*7}}",
  "../../etc/passwd",
  "\r\nBcc: victim@example.test",
  "",
  " ",
  "\uFEFF",
  "x".repeat(20_000),
  "9999-12-31T23:59:59Z",
  "0000-01-01",
  "2027-02-30",
  "9999-12",
  "0999-06-01T12:00:00Z",
  "1e309",
];
export const WRONG_TYPES: unknown[] = [12345, -1, 1.5, 1e308, true, null, [], {}, "text", [1, "a"], { nested: { deep: true } }];
const BAD_IDS = [
  "..%2F..%2Fetc",
  "%00",
  "x".repeat(200),
  "__proto__",
  "constructor",
  "%F0%9F%8E%BB",
  "%ED%A0%80",
  "%",
  "a%2Fb",
  "01a00000-0000-7000-8000-000000000000",
];
const BAD_LIMITS = ["abc", "-1", "0", "1e9", "99999999999999999999", "1.5", ""];
const BAD_CURSORS = ["junk", "eyJ4IjoxfQ", "%00", "x".repeat(3000), "eyJzdHVkaW9JZCI6Il9fcHJvdG9fXyJ9.AAAA"];
const BAD_IDEMPOTENCY_KEYS = ["x".repeat(5000), "\u00ff".repeat(300), " ", "../../k", "a,b"];
const BAD_CONTENT_TYPES = [
  "text/plain",
  "application/x-www-form-urlencoded",
  "application/jsonx",
  "multipart/form-data; boundary=z",
  "application/json; charset=utf-16",
];

/** Percent-encodes a query part; raw `%…` sequences and lone surrogates go out as (broken) escapes on purpose. */
function encodeQuery(value: string): string {
  if (value.startsWith("%")) return value;
  try {
    return encodeURIComponent(value);
  } catch {
    return value
      .replace(/[\uD800-\uDFFF]/g, "%ED%A0%80")
      .split("%ED%A0%80")
      .map(encodeURIComponent)
      .join("%ED%A0%80");
  }
}

export function createResolver(doc: Schema) {
  return function resolve(schema: Schema | undefined): Schema {
    let current = schema ?? {};
    for (let i = 0; current.$ref && i < 20; i++) {
      current = current.$ref
        .replace(/^#\//, "")
        .split("/")
        .reduce((node: Schema, key: string) => node?.[key], doc);
    }
    return current ?? {};
  };
}

/** A plausible value for a schema: examples, enums and required fields, so mutations reach deeper checks. */
export function sampleOf(schema: Schema, resolve: (s: Schema) => Schema, depth = 0): unknown {
  const s = resolve(schema);
  if (depth > 6) return null;
  if (s.example !== undefined) return s.example;
  if (s.enum) return s.enum[0];
  if (s.const !== undefined) return s.const;
  const variants = s.anyOf ?? s.oneOf;
  if (variants) return sampleOf(variants.find((v: Schema) => resolve(v).type !== "null") ?? variants[0], resolve, depth + 1);
  if (s.allOf) return Object.assign({}, ...s.allOf.map((part: Schema) => sampleOf(part, resolve, depth + 1)));
  const type = Array.isArray(s.type) ? s.type.find((t: string) => t !== "null") : s.type;
  switch (type) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const key of s.required ?? []) out[key] = sampleOf(s.properties?.[key] ?? {}, resolve, depth + 1);
      return out;
    }
    case "array":
      return s.minItems ? [sampleOf(s.items ?? {}, resolve, depth + 1)] : [];
    case "integer":
    case "number":
      return s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1);
    case "boolean":
      return true;
    case "string":
      if (s.format === "email") return "fuzz@example.test";
      if (s.format === "uri") return "https://example.test/";
      return "x".repeat(Math.max(1, s.minLength ?? 1));
    default:
      return "x";
  }
}

/** Cases for one operation; `pathFor` fills path params (real ids unless overridden). */
export function casesFor(
  operation: Operation,
  resolve: (s: Schema) => Schema,
  pathFor: (overrides: Record<string, string>) => string,
  seed: number,
): FuzzCase[] {
  const rng = seeded(seed);
  const { method, op } = operation;
  const bodySchema = op.requestBody?.content?.["application/json"]?.schema;
  const body = bodySchema ? sampleOf(bodySchema, resolve) : undefined;
  const bodyFields = body && typeof body === "object" && !Array.isArray(body) ? Object.keys(resolve(bodySchema).properties ?? {}) : [];
  const required: string[] = bodySchema ? (resolve(bodySchema).required ?? []) : [];
  const params: Schema[] = (op.parameters ?? []).map(resolve);
  const pathParams = params.filter((p) => p.in === "path").map((p) => p.name as string);
  const queryParams = params.filter((p) => p.in === "query").map((p) => p.name as string);
  const takesIdempotencyKey = params.some((p) => p.in === "header" && p.name === "Idempotency-Key");
  const json = { "Content-Type": "application/json" };
  const base = { method, path: pathFor({}), headers: json as Record<string, string> };
  const withBody = (label: string, value: unknown): FuzzCase => ({ ...base, label, rawBody: JSON.stringify(value) });
  const withField = (field: string, value: unknown) => ({ ...(body as object), [field]: value });
  const cases: FuzzCase[] = [];

  cases.push(body === undefined ? { ...base, label: "plain", headers: {} } : withBody("sample body", body));
  cases.push({ ...base, label: "no token", headers: {}, anonymous: true });
  cases.push({
    ...base,
    label: "junk bearer token",
    headers: { Authorization: `Bearer ${rng.pick(["x.y.z", "a".repeat(5000), "e30.e30.", "Basic abc"])}` },
    anonymous: true,
  });
  if (pathParams.length) {
    const param = rng.pick(pathParams);
    cases.push({ ...base, label: `bad path ${param}`, path: pathFor({ [param]: rng.pick(BAD_IDS) }) });
    cases.push({
      ...base,
      label: `bad path ${param} (2)`,
      path: pathFor({ [param]: rng.pick(BAD_IDS) }),
      ...(body === undefined ? {} : { rawBody: JSON.stringify(body) }),
    });
  }
  const query = (pairs: Array<[string, string]>) => `${base.path}?${pairs.map(([k, v]) => `${encodeQuery(k)}=${encodeQuery(v)}`).join("&")}`;
  if (queryParams.includes("limit")) cases.push({ ...base, label: "bad limit", path: query([["limit", rng.pick(BAD_LIMITS)]]) });
  if (queryParams.includes("cursor")) cases.push({ ...base, label: "bad cursor", path: query([["cursor", rng.pick(BAD_CURSORS)]]) });
  if (queryParams.length) {
    const param = rng.pick(queryParams);
    cases.push({ ...base, label: `hostile query ${param}`, path: query([[param, rng.pick(HOSTILE_STRINGS)]]) });
    cases.push({
      ...base,
      label: `repeated query ${param}`,
      path: query([
        [param, "a"],
        [param, "b"],
        ["__proto__", "x"],
      ]),
    });
  }
  cases.push({
    ...base,
    label: "junk query",
    path: query([
      ["%00", "%00"],
      ["constructor", "x"],
    ]),
  });
  if (takesIdempotencyKey)
    cases.push({
      ...base,
      label: "junk Idempotency-Key",
      headers: { ...json, "Idempotency-Key": rng.pick(BAD_IDEMPOTENCY_KEYS) },
      rawBody: JSON.stringify(body ?? {}),
    });

  if (bodySchema) {
    cases.push(withBody("empty object", {}));
    cases.push(withBody("not an object", rng.pick([null, [], "text", 12, true])));
    cases.push({ ...base, label: "junk content type", headers: { "Content-Type": rng.pick(BAD_CONTENT_TYPES) }, rawBody: JSON.stringify(body) });
    cases.push({ ...base, label: "no content type", headers: {}, rawBody: JSON.stringify(body) });
    cases.push({ ...base, label: "malformed JSON", rawBody: rng.pick(["{", "{'a':1}", "[1,]", "\u0000", '{"a":1}{"b":2}']) });
    cases.push({
      ...base,
      label: "prototype keys",
      rawBody: `{"__proto__":{"isAdmin":true,"role":"owner"},"constructor":{"prototype":{"polluted":1}},${JSON.stringify(body ?? {}).slice(1)}`,
    });
    cases.push({
      ...base,
      label: "deep nesting",
      rawBody: `{"${rng.pick(bodyFields.length ? bodyFields : ["x"])}":${"[".repeat(20_000)}${"]".repeat(20_000)}}`,
    });
    cases.push({ ...base, label: "over 64 KB", rawBody: JSON.stringify({ ...(body as object), pad: "x".repeat(70_000) }) });
    if (required.length) {
      const missing = rng.pick(required);
      const rest = { ...(body as Record<string, unknown>) };
      delete rest[missing];
      cases.push(withBody(`missing ${missing}`, rest));
    }
    for (let i = 0; i < Math.min(2, bodyFields.length); i++) {
      const field = rng.pick(bodyFields);
      cases.push(withBody(`wrong type ${field}`, withField(field, rng.pick(WRONG_TYPES))));
      cases.push(withBody(`hostile ${field}`, withField(field, rng.pick(HOSTILE_STRINGS))));
    }
    if (bodyFields.length) cases.push(withBody("unknown hostile key", { ...(body as object), ["k\u0000"]: rng.pick(HOSTILE_STRINGS) }));
  }
  return cases;
}
