import { describe, expect, it } from "vitest";
import { slugSchema } from "../../src/studios/schemas";
import { slugFromName, withSuffix } from "../../src/studios/slugify";

describe("slugs", () => {
  it.each([
    ["Riverside Music Co.", "riverside-music-co"],
    ["  Café  Crème — Piano ", "cafe-creme-piano"],
    ["Über Strings & Keys", "uber-strings-keys"],
  ])("derives %j → %s", (name, slug) => expect(slugFromName(name)).toBe(slug));

  it("adds a suffix when the name gives too little or a reserved word", () => {
    expect(slugFromName("!!")).toMatch(/^studio-[0-9a-f]{6}$/);
    expect(slugFromName("Login")).toMatch(/^login-[0-9a-f]{6}$/);
    expect(withSuffix("a".repeat(40))).toHaveLength(39);
  });

  it("accepts lowercase words joined by single hyphens and lower-cases input", () => {
    expect(slugSchema.parse(" Blue-Note-42 ")).toBe("blue-note-42");
  });

  it.each(["ab", "a".repeat(41), "-lead", "trail-", "dou--ble", "under_score", "spa ce", "dashboard", "v1", "verify-email", "404"])("refuses %j", (slug) =>
    expect(slugSchema.safeParse(slug).success).toBe(false),
  );
});
