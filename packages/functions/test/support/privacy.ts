import { expect } from "vitest";
import { awaitMail, type SentMail } from "@studiosync/local/testing";
import { api } from "./api";

/** The token of the export link emailed to `email` for `exportId`: a link to the site's page. */
export async function emailedToken(email: string, exportId: string) {
  const tokenIn = (mail: SentMail) => {
    const links = ((mail.body.text ?? "").match(/https?:\/\/\S+/g) ?? []).map((url) => new URL(url));
    expect(links.map((url) => url.href).join(" ")).not.toContain("X-Amz");
    return links
      .filter((url) => url.pathname.startsWith("/privacy-exports/"))
      .map((url) => decodeURIComponent(url.pathname.slice("/privacy-exports/".length)))
      .find((t) => String(JSON.parse(Buffer.from(t.split(".")[1]!, "base64url").toString()).k).endsWith(`/${exportId}.json`));
  };
  return awaitMail(email, tokenIn, { subject: "data export" });
}

export const openLink = (token: string) => api("GET", `/v1/public/privacy-exports/${encodeURIComponent(token)}`);

/** Clicks the link: a redirect to a 60-second presigned GET, then the file. */
export async function download(token: string) {
  const res = await openLink(token);
  expect(res.status, JSON.stringify(res.body)).toBe(302);
  const location = new URL(res.headers.get("location")!);
  expect(location.searchParams.get("X-Amz-Expires")).toBe("60");
  expect(res.headers.get("cache-control")).toBe("no-store");
  const file = await fetch(location);
  expect(file.status).toBe(200);
  return (await file.json()) as Record<string, any>;
}

/** Requests an export of `body`'s subject in the studio as `token`, and downloads it from the emailed link. */
export async function exportAs(studioId: string, token: string, email: string, body: unknown) {
  const res = await api("POST", `/v1/studios/${studioId}/privacy/exports`, { token, body });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  const link = await emailedToken(email, res.body.exportId);
  return { exportId: res.body.exportId as string, link, doc: await download(link) };
}
