import { describe, expect, it } from "vitest";
import { CsvSyntaxError, parseCsv } from "../../src/imports/csv";

describe("parseCsv (RFC 4180)", () => {
  it("splits records and fields, with LF, CRLF or CR line ends and no trailing empty record", () => {
    expect(parseCsv("a,b\nc,d\n")).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
    expect(parseCsv("a,b\r\nc,d")).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
    expect(parseCsv("a,b\rc,d\r")).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
    expect(parseCsv("a,,\n,b,")).toEqual([
      ["a", "", ""],
      ["", "b", ""],
    ]);
    expect(parseCsv("")).toEqual([]);
  });

  it("reads quoted fields with commas, line breaks and doubled quotes; drops a BOM", () => {
    expect(parseCsv('\uFEFFname,notes\r\n"Doe, Jane","says ""hi""\r\nand bye"\r\n""')).toEqual([
      ["name", "notes"],
      ["Doe, Jane", 'says "hi"\r\nand bye'],
      [""],
    ]);
  });

  it("keeps a quote inside an unquoted field, refuses text after a closing quote or an unclosed quote", () => {
    expect(parseCsv('5" screen,x')).toEqual([['5" screen', "x"]]);
    expect(() => parseCsv('"a"b,c')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a\n"b,c\nd')).toThrow(/line 2: a quoted field is never closed/);
  });
});
