import { describe, expect, it } from "vitest";
import { operationCoverage } from "../src/bench/operation-coverage";
import { apiOperations } from "../src/bench/operations";

describe("npm run bench", () => {
  it("costs every operation of the API, or lists it with why not", () => {
    expect(operationCoverage(apiOperations())).toEqual({ uncovered: [], stale: [] });
  });
});
