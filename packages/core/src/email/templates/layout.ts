export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);

interface ActionEmail {
  subject: string;
  greeting: string;
  paragraphs: string[];
  action: { label: string; url: string };
  footer: string;
}

/** Every transactional email: one call to action, the same words in the text and the HTML part. */
export function renderActionEmail(email: ActionEmail): RenderedEmail {
  const text = [email.greeting, "", ...email.paragraphs.flatMap((p) => [p, ""]), `${email.action.label}: ${email.action.url}`, "", email.footer, "", "— StudioSync"].join("\n");
  const paragraphs = email.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("");
  const url = escapeHtml(email.action.url);
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#1f2933;max-width:560px;margin:auto;padding:24px">
<p>${escapeHtml(email.greeting)}</p>${paragraphs}
<p><a href="${url}" style="display:inline-block;background:#4f46e5;color:#fff;padding:12px 20px;border-radius:6px;text-decoration:none">${escapeHtml(email.action.label)}</a></p>
<p style="font-size:13px;color:#52606d">Or paste this link into your browser: ${url}</p>
<p style="font-size:13px;color:#52606d">${escapeHtml(email.footer)}</p>
<p style="font-size:13px;color:#52606d">— StudioSync</p></body></html>`;
  return { subject: email.subject, text, html };
}
