import { describe, expect, it } from "vitest";
import { plainProblem, problemMessage, type Problem } from "../../src/lib/problem";

const refused = (status: number, code: string, detail = "The API's own words"): Problem => ({
  type: `urn:studiosync:problem:${code}`,
  title: "x",
  status,
  code,
  detail,
});

describe("what the site says when the API refuses", () => {
  it("chooses the words by the problem's reason, not by its detail", () => {
    expect(plainProblem(refused(410, "link.expired", "anything"))).toBe("This link has expired: open the latest email from the studio, or contact them");
    expect(plainProblem(refused(400, "invitation.revoked", "anything"))).toBe("This invitation was withdrawn by the studio.");
    expect(plainProblem(refused(403, "role.not_allowed", "Your role (teacher) may not do this in this studio"))).toBe(
      "Your role in this studio doesn't allow that. Ask one of the studio's admins.",
    );
  });

  it("lets a page name its own words for a reason", () => {
    expect(plainProblem(refused(404, "not_found"), { not_found: "This invitation link is invalid." })).toBe("This invitation link is invalid.");
  });

  it("shows the API's words only for a reason the site has none for, in a category written for people", () => {
    expect(plainProblem(refused(409, "invoice.due_date_passed", "The due date 2027-01-01 has passed; change it before sending"))).toBe(
      "The due date 2027-01-01 has passed; change it before sending",
    );
    expect(plainProblem(refused(422, "validation_failed", "The request has invalid fields"))).toBe(
      "Some of what you entered needs fixing: see the messages below.",
    );
    expect(plainProblem(refused(404, "not_found", "Lesson not found"))).toBe("We couldn't find that. It may have been deleted or moved.");
    expect(plainProblem({ type: "x", title: "x", status: 403, code: "forbidden" })).toBe("You don't have permission to do that.");
  });

  it("never shows the words of a code it does not know", () => {
    expect(plainProblem(refused(415, "unsupported_media_type"))).toBe("Something went wrong. Please try again.");
    expect(plainProblem(refused(500, "internal_error"))).toBe("We couldn't reach StudioSync just now. Please try again in a moment.");
    expect(problemMessage({ ...refused(422, "validation_failed"), errors: [{ path: "start", message: "is required" }] })).toBe(
      "Please check what you entered. Start is required.",
    );
  });
});
