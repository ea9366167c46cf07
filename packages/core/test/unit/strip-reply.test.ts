import { describe, expect, it } from "vitest";
import { stripReply } from "../../src/messaging/replies/strip-reply";

/** What a reply by email keeps of what mail apps send: the new words, not the history or the signature. */
describe("stripReply", () => {
  it("cuts Gmail's and Apple Mail's quoted history, on one line or two", () => {
    expect(stripReply("Yes, Monday works.\n\nOn Tue, 3 Dec 2026 at 16:05, Harmony House <r-abc@reply.x> wrote:\n> Can you come Monday?")).toBe(
      "Yes, Monday works.",
    );
    expect(stripReply("Yes.\n\nOn Tue, 3 Dec 2026 at 16:05, Harmony House\n<r-abc@reply.x> wrote:\n> Can you?")).toBe("Yes.");
  });

  it("cuts Outlook's From/Sent block and Original Message line", () => {
    expect(stripReply("Thanks!\r\n\r\nFrom: Harmony House <r-abc@reply.x>\r\nSent: Tuesday, December 3, 2026 4:05 PM\r\nSubject: Recital")).toBe("Thanks!");
    expect(stripReply("Thanks!\n-----Original Message-----\nFrom: x")).toBe("Thanks!");
    expect(stripReply("Danke!\n\nAm 3. Dez. 2026 um 16:05 schrieb Harmony House <r@x>:\n> Hallo")).toBe("Danke!");
    expect(stripReply("Merci !\n\nLe mar. 3 déc. 2026 à 16:05, Harmony <r@x> a écrit :\n> Bonjour")).toBe("Merci !");
  });

  it("cuts the signature and mobile footers, drops stray quoted lines, keeps the writer's own lines", () => {
    expect(stripReply("See you then.\n-- \nPriya Patel\n+44 7700 900123")).toBe("See you then.");
    expect(stripReply("See you then.\n\nSent from my iPhone")).toBe("See you then.");
    expect(stripReply("> earlier\nMy answer\n> more\nSecond line")).toBe("My answer\nSecond line");
    expect(stripReply("Line one\n\n\n\nLine two   ")).toBe("Line one\n\nLine two");
  });

  it("leaves nothing when there was nothing new", () => {
    expect(stripReply("On Tue, 3 Dec 2026, Harmony wrote:\n> hi")).toBe("");
    expect(stripReply("")).toBe("");
  });
});
