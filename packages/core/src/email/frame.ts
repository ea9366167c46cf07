import { accentOf, textOn } from "../kernel/brand-color";
import type { EmailBrand } from "./brand";
import { escapeHtml } from "./templates/html";
import type { RenderedEmail } from "./templates/layout";

const FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";

function header(brand: EmailBrand | undefined, accent: string): string {
  const name = escapeHtml(brand?.name ?? "StudioSync");
  const logo = brand?.logoUrl
    ? `<img src="${escapeHtml(brand.logoUrl)}" alt="" width="40" height="40" style="vertical-align:middle;border-radius:6px;margin-right:10px;max-width:40px">`
    : "";
  return `<td style="background:${accent};color:${textOn(accent)};padding:16px 24px;border-radius:8px 8px 0 0;font:600 18px/1.3 ${FONT}">${logo}<span style="vertical-align:middle">${name}</span></td>`;
}

/**
 * A message as it is sent: the template's content in the studio's frame (its name, logo and
 * colour on a bar; one column of at most 600 px that narrows to any phone; links that wrap), the
 * sender named "<Studio> via StudioSync" and replies going to the studio (or to `replyTo`, a
 * teacher's address where the mail is theirs). Mail about a login that belongs to no studio
 * wears StudioSync's frame.
 */
export function frameEmail(email: RenderedEmail, brand?: EmailBrand, replyTo?: string): RenderedEmail {
  const accent = accentOf(brand?.color);
  const signature = brand ? `${brand.name}, via StudioSync` : "StudioSync";
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="color-scheme" content="light"><title>${escapeHtml(email.subject)}</title></head>
<body style="margin:0;padding:0;background:#f4f5f7;-webkit-text-size-adjust:100%">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f4f5f7"><tr><td align="center" style="padding:16px 8px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;width:100%;background:#ffffff;border-radius:8px">
<tr>${header(brand, accent)}</tr>
<tr><td style="padding:8px 24px 24px;font:16px/1.5 ${FONT};color:#1f2933;word-break:break-word;overflow-wrap:anywhere">${email.html}</td></tr>
</table>
<p style="max-width:600px;margin:12px auto 0;font:12px/1.5 ${FONT};color:#52606d">${escapeHtml(brand ? `Sent by StudioSync for ${brand.name}.` : "Sent by StudioSync.")}</p>
</td></tr></table></body></html>`;
  return {
    ...email,
    text: `${email.text}\n\n— ${signature}`,
    html,
    fromName: brand ? `${brand.name} via StudioSync` : "StudioSync",
    replyTo: replyTo ?? brand?.replyTo ?? email.replyTo,
  };
}
