import type { RenderedEmail } from "./layout";
import { quotedName } from "./subject-text";

/** A plain notice (no call to action), so it does not use the action layout. */
export function accessRequestRejectedMessage(input: { firstName: string; studioName: string; note?: string }): RenderedEmail {
  const lines = [
    `Hi ${input.firstName},`,
    "",
    `${input.studioName} has reviewed your request to join them on StudioSync and could not accept it.`,
    ...(input.note ? ["", `Their note: ${input.note}`] : []),
    "",
    "— StudioSync",
  ];
  const escape = (v: string) => v.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#1f2933;max-width:560px;margin:auto;padding:24px">${lines
    .filter((l) => l)
    .map((l) => `<p>${escape(l)}</p>`)
    .join("")}</body></html>`;
  return { subject: `Your request to join ${quotedName(input.studioName)}`, text: lines.join("\n"), html };
}
