import { describe, expect, it } from "vitest";
import { commitWrites, commitWritesOr, failsWith, rejectedAs, type Transacting } from "../../src/kernel/db/commit-writes";
import { AppError } from "../../src/kernel/errors";

type Reason = { rejected: boolean; code: string };
const ok: Reason = { rejected: false, code: "None" };
const rejected: Reason = { rejected: true, code: "ConditionalCheckFailed" };

/** A service whose transaction records the items it is given and answers `reasons` (cancelled when any is not None), or throws `thrown`. */
function fakeService(reasons: Reason[] = [], thrown?: Error) {
  const sent: unknown[][] = [];
  const service: Transacting<string> = {
    transaction: {
      write: (build) => ({
        go: async () => {
          sent.push(build("tx") as unknown as unknown[]);
          if (thrown) throw thrown;
          return { canceled: reasons.some((r) => r.code !== "None"), data: reasons };
        },
      }),
    },
  };
  return { service: () => service, sent };
}

class Changed extends Error {}
class Other extends Error {}

describe("commitWrites", () => {
  it("sends the writes themselves, in order, lists flattened one level", async () => {
    const { service, sent } = fakeService();
    await commitWrites(service, (tx) => [`${tx}:a`, failsWith(`${tx}:b`, () => new Changed()), ...failsWith([`${tx}:c`, `${tx}:d`], () => new Other())]);
    expect(sent).toEqual([["tx:a", "tx:b", "tx:c", "tx:d"]]);
  });

  it("throws the meaning of the first rejected write that carries one", async () => {
    const { service } = fakeService([rejected, rejected, rejected]);
    await expect(commitWrites(service, () => ["a", failsWith("b", () => new Changed()), failsWith("c", () => new Other())])).rejects.toBeInstanceOf(Changed);
  });

  it("makes a rejected write without a meaning a plain failure, and a transient cancellation a 503", async () => {
    await expect(commitWrites(fakeService([rejected, ok]).service, () => ["a", failsWith("b", () => new Changed())])).rejects.toThrow(
      "Transaction cancelled (ConditionalCheckFailed,None)",
    );
    const transient = commitWrites(fakeService([ok, { rejected: false, code: "ThrottlingError" }]).service, () => ["a", "b"]);
    await expect(transient).rejects.toMatchObject({ reason: "unavailable" });
  });

  it("keeps the meaning a write already carries", async () => {
    const { service, sent } = fakeService([rejected]);
    await expect(commitWrites(service, () => failsWith([failsWith("a", () => new Changed())], () => new Other()))).rejects.toBeInstanceOf(Changed);
    expect(sent).toEqual([["a"]]);
  });

  it("answers a concurrent transaction with `raced`, after the writes' own meanings", async () => {
    const raced = () => new Other();
    const conflict = { rejected: false, code: "TransactionConflict" };
    await expect(commitWrites(fakeService([ok, conflict]).service, () => ["a", "b"], { raced })).rejects.toBeInstanceOf(Other);
    await expect(commitWrites(fakeService([rejected, conflict]).service, () => [failsWith("a", () => new Changed()), "b"], { raced })).rejects.toBeInstanceOf(
      Changed,
    );
    const thrown = Object.assign(new Error("conflict"), { name: "TransactionConflictException" });
    await expect(commitWrites(fakeService([], thrown).service, () => ["a"], { raced })).rejects.toBeInstanceOf(Other);
    await expect(commitWrites(fakeService([ok, conflict]).service, () => ["a", "b"])).rejects.toBeInstanceOf(AppError);
  });
});

describe("commitWritesOr", () => {
  it("is undefined when the writes committed", async () => {
    expect(await commitWritesOr(fakeService([ok]).service, () => [rejectedAs("a", "taken")])).toBeUndefined();
  });

  it("answers any other cancellation with `otherwise` when given", async () => {
    const throttled = { rejected: false, code: "ThrottlingError" };
    expect(await commitWritesOr(fakeService([rejected, ok]).service, () => ["a", rejectedAs("b", "taken")], { otherwise: "cancelled" })).toBe("cancelled");
    expect(await commitWritesOr(fakeService([throttled]).service, () => [rejectedAs("a", "taken")], { otherwise: "cancelled" })).toBe("cancelled");
    await expect(commitWritesOr(fakeService([throttled]).service, () => [rejectedAs("a", "taken")])).rejects.toMatchObject({ reason: "unavailable" });
  });

  it("returns the label of a rejected write marked by rejectedAs, and throws any other meaning", async () => {
    expect(await commitWritesOr(fakeService([ok, rejected]).service, () => ["a", rejectedAs("b", "taken")])).toBe("taken");
    await expect(
      commitWritesOr(fakeService([rejected, rejected]).service, () => [failsWith("a", () => new Changed()), rejectedAs("b", "taken")]),
    ).rejects.toBeInstanceOf(Changed);
  });
});
