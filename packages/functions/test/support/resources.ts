import { expect } from "vitest";
import { api, type ownerWithStudio } from "./api";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

/** A PDF in the owner's library: presigned upload, the bytes PUT to storage, then the resource confirmed. */
export async function libraryPdf(owner: Owner, title: string) {
  const studio = `/v1/studios/${owner.studio.id}`;
  const fileName = `${title}.pdf`;
  const presigned = await api("POST", `${studio}/resources/uploads`, {
    token: owner.accessToken,
    body: { fileName, contentType: "application/pdf", size: PDF.length },
  });
  expect(presigned.status, JSON.stringify(presigned.body)).toBe(200);
  const put = await fetch(presigned.body.uploadUrl, { method: "PUT", headers: presigned.body.headers, body: PDF });
  expect(put.status).toBe(200);
  const res = await api("POST", `${studio}/resources`, {
    token: owner.accessToken,
    body: { key: presigned.body.key, fileName, contentType: "application/pdf", title },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

/** Shares a resource with an audience as the owner. */
export async function share(owner: Owner, resourceId: string, audience: Record<string, unknown>, notify = true) {
  const res = await api("POST", `/v1/studios/${owner.studio.id}/resources/${resourceId}/shares`, { token: owner.accessToken, body: { audience, notify } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}
