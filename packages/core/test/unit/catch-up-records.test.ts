import { describe, expect, it } from "vitest";
import { catchUpsOf, type ChangeRecord } from "../../src/resources/catch-up-records";

const S = (value: string) => ({ S: value });
const student = (fields: Record<string, string> = {}) => ({
  __edb_e__: S("student"),
  studioId: S("st1"),
  studentId: S("s1"),
  ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, S(v)])),
});
const band = (members: string[], deleted = false) => ({
  __edb_e__: S("band"),
  studioId: S("st1"),
  bandId: S("b1"),
  ...(members.length ? { memberStudentIds: { SS: members } } : {}),
  ...(deleted ? { deletedAt: S("2026-01-01T00:00:00Z") } : {}),
});
type Image = NonNullable<NonNullable<ChangeRecord["dynamodb"]>["NewImage"]>;
const change = (eventName: string, NewImage?: Image, OldImage?: Image): ChangeRecord => ({ eventName, dynamodb: { NewImage, OldImage } });

describe("catchUpsOf: who joined what in a stream record", () => {
  it("a student enrolled, restored or moved to another family catches up; an edit or a delete does not", () => {
    const joined = [{ studioId: "st1", studentId: "s1", reason: { kind: "student" } }];
    expect(catchUpsOf(change("INSERT", student()))).toEqual(joined);
    expect(catchUpsOf(change("MODIFY", student(), student({ deletedAt: "2026-01-01" })))).toEqual(joined);
    expect(catchUpsOf(change("MODIFY", student({ familyId: "f2" }), student({ familyId: "f1" })))).toEqual(joined);
    expect(catchUpsOf(change("MODIFY", student({ familyId: "f1", firstName: "New" }), student({ familyId: "f1" })))).toEqual([]);
    expect(catchUpsOf(change("MODIFY", student({ deletedAt: "2026-01-01" }), student()))).toEqual([]);
    expect(catchUpsOf(change("REMOVE", undefined, student()))).toEqual([]);
  });

  it("a band's new members catch up with the band; members already in it, a deleted band or another record do not", () => {
    expect(catchUpsOf(change("MODIFY", band(["s1", "s2"]), band(["s1"])))).toEqual([
      { studioId: "st1", studentId: "s2", reason: { kind: "band", bandId: "b1" } },
    ]);
    expect(catchUpsOf(change("INSERT", band(["s1"])))).toEqual([{ studioId: "st1", studentId: "s1", reason: { kind: "band", bandId: "b1" } }]);
    expect(catchUpsOf(change("MODIFY", band(["s1"]), band(["s1", "s2"])))).toEqual([]);
    expect(catchUpsOf(change("MODIFY", band(["s1", "s2"], true), band(["s1"])))).toEqual([]);
    expect(catchUpsOf(change("INSERT", { __edb_e__: S("lesson"), studioId: S("st1") }))).toEqual([]);
  });
});
