import { describe, expect, it } from "vitest";
import { lessonCommandOf } from "../../src/messaging/replies/lesson-command";

describe("lessonCommandOf", () => {
  it("takes short, plain commands", () => {
    expect(lessonCommandOf("Cancel")).toBe("cancel");
    expect(lessonCommandOf("cancel please")).toBe("cancel");
    expect(lessonCommandOf("Sorry, we can’t make it.")).toBe("cancel");
    expect(lessonCommandOf("CONFIRM")).toBe("confirm");
    expect(lessonCommandOf("We'll be there!")).toBe("confirm");
  });

  it("asks about hedged, mixed or long mentions instead of acting", () => {
    expect(lessonCommandOf("Don't cancel")).toBe("ambiguous");
    expect(lessonCommandOf("Should we cancel?")).toBe("ambiguous");
    expect(lessonCommandOf("Confirm, or maybe cancel")).toBe("ambiguous");
    expect(lessonCommandOf("Leo has a school trip that day and I am not sure yet whether we have to cancel the lesson")).toBe("ambiguous");
  });

  it("leaves anything else to the studio as a message", () => {
    expect(lessonCommandOf("Could we bring the green book?")).toBe("message");
    expect(lessonCommandOf("Thanks!")).toBe("message");
  });
});
