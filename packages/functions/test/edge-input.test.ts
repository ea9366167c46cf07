import { beforeAll, describe, expect, it } from "vitest";
import { api, ownerWithStudio } from "./support/api";
import { billingWorld, type BillingWorld } from "./support/billing";
import { addStudent, addTeacher } from "./support/people";
import { bookLesson, futureAt } from "./support/lessons";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;
const paths = (res: { body: { errors?: Array<{ path: string }> } }) => (res.body.errors ?? []).map((e) => e.path);

let owner: Owner;
let w: BillingWorld;
let teacher: { id: string };
let student: { id: string };
const nextYear = new Date().getUTCFullYear() + 1;

beforeAll(async () => {
  w = await billingWorld();
  owner = w.owner;
  teacher = w.teacher;
  student = w.students[0]!;
});

describe("issue 10 #18: dates and instants that do not exist are refused, naming the field", () => {
  it("refuses a lesson on 30 February instead of booking 2 March", async () => {
    const res = await bookLesson(owner, { teacherId: teacher.id, studentId: student.id, scheduledStart: `${nextYear}-02-30T10:00Z` });
    expect(res.status).toBe(422);
    expect(res.headers.get("Content-Type")).toBe("application/problem+json");
    expect(paths(res)).toEqual(["scheduledStart"]);
  });

  it("refuses hours, minutes and offsets that do not exist", async () => {
    for (const scheduledStart of [
      `${nextYear}-03-10T24:00Z`,
      `${nextYear}-03-10T10:60Z`,
      `${nextYear}-03-10T10:00:60Z`,
      `${nextYear}-03-10T10:00+24:00`,
      `${nextYear}-13-01T10:00Z`,
    ]) {
      const res = await bookLesson(owner, { teacherId: teacher.id, studentId: student.id, scheduledStart });
      expect(res.status, scheduledStart).toBe(422);
      expect(paths(res), scheduledStart).toEqual(["scheduledStart"]);
    }
  });

  it("refuses a payment received on 31 November", async () => {
    const res = await api("POST", `/v1/studios/${owner.studio.id}/payments`, {
      token: owner.accessToken,
      body: { accountId: w.family, amountMinor: 100, method: "cash", receivedAt: "2025-11-31T12:00:00Z" },
    });
    expect(res.status).toBe(422);
    expect(paths(res)).toEqual(["receivedAt"]);
  });

  it("refuses impossible local dates in bodies and query strings", async () => {
    const closure = await api("POST", `/v1/studios/${owner.studio.id}/closures`, {
      token: owner.accessToken,
      body: { name: "Holiday", startDate: `${nextYear}-04-31`, endDate: `${nextYear}-05-02` },
    });
    expect(closure.status).toBe(422);
    expect(paths(closure)).toContain("startDate");
    const slots = await api(
      "GET",
      `/v1/studios/${owner.studio.id}/free-slots?teacherId=${teacher.id}&durationMinutes=30&from=${nextYear}-02-30&to=${nextYear}-03-02`,
      {
        token: owner.accessToken,
      },
    );
    expect(slots.status).toBe(422);
    expect(paths(slots)).toEqual(["from"]);
    const calendar = await api("GET", `/v1/studios/${owner.studio.id}/lessons?from=${nextYear}-02-29T00:00Z&to=${nextYear}-03-30T00:00Z`, {
      token: owner.accessToken,
    });
    // 29 February exists only in leap years.
    const leap = nextYear % 4 === 0 && (nextYear % 100 !== 0 || nextYear % 400 === 0);
    expect(calendar.status).toBe(leap ? 200 : 422);
  });

  it("still takes real dates, offsets and the end of a leap February", async () => {
    const res = await bookLesson(owner, { teacherId: teacher.id, studentId: student.id, scheduledStart: futureAt(40, 14).replace(".000Z", "+00:00") });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const dob = await api("PATCH", `/v1/studios/${owner.studio.id}/students/${student.id}`, { token: owner.accessToken, body: { dateOfBirth: "1964-02-29" } });
    expect(dob.status, JSON.stringify(dob.body)).toBe(200);
  });
});

describe("issue 10 #24 and #20: months, dates and instants outside 2000–2100 are a 422", () => {
  it("refuses billing-run months 9999-12 and 0000-01 (was a 500, and runs in the 1900s)", async () => {
    for (const month of ["9999-12", "0000-01", "0099-12", "1999-12", "2101-01"]) {
      const res = await api("POST", `/v1/studios/${owner.studio.id}/billing-runs`, { token: owner.accessToken, body: { month } });
      expect(res.status, month).toBe(422);
      expect(paths(res), month).toEqual(["month"]);
      expect(res.body.errors[0].message).toMatch(/2000–2100|YYYY-MM/);
    }
    const list = await api("GET", `/v1/studios/${owner.studio.id}/billing-runs`, { token: owner.accessToken });
    expect(list.body.items).toEqual([]);
  });

  it("refuses a payment received before the year 1000 (its receipt could not be rendered) and records nothing", async () => {
    const res = await api("POST", `/v1/studios/${owner.studio.id}/payments`, {
      token: owner.accessToken,
      body: { accountId: w.family, amountMinor: 100, method: "cash", receivedAt: "0999-06-01T12:00:00Z" },
    });
    expect(res.status).toBe(422);
    expect(paths(res)).toEqual(["receivedAt"]);
    expect(res.body.errors[0].message).toBe("must be in the years 2000–2100");
    const payments = await api("GET", `/v1/studios/${owner.studio.id}/payments`, { token: owner.accessToken });
    expect(payments.body.items).toEqual([]);
  });

  it("refuses far-future and far-past local dates of the schedule, but keeps birthdays of older people", async () => {
    const run = await api("POST", `/v1/studios/${owner.studio.id}/billing-runs`, {
      token: owner.accessToken,
      body: { periodStart: "1899-12-01", periodEnd: "1899-12-31" },
    });
    expect(run.status).toBe(422);
    expect(paths(run).sort()).toEqual(["periodEnd", "periodStart"]);
    const old = await addStudent(owner, { dateOfBirth: "1948-05-17" });
    expect(old.id).toBeTruthy();
    const ancient = await api("POST", `/v1/studios/${owner.studio.id}/students`, {
      token: owner.accessToken,
      body: { firstName: "A", lastName: "B", dateOfBirth: "1850-01-01" },
    });
    expect(ancient.status).toBe(422);
    expect(paths(ancient)).toEqual(["dateOfBirth"]);
  });
});

describe("issue 10 #22: NUL, control characters and lone surrogates are refused at the edge", () => {
  it("refuses them in body fields, naming the field, and changes nothing", async () => {
    for (const name of ["Studio\u0000Name", "Studio \uD800 Name", "Studio \uDC00", "Bell\u0007"]) {
      const res = await api("PATCH", `/v1/studios/${owner.studio.id}`, { token: owner.accessToken, body: { name } });
      expect(res.status, JSON.stringify(name)).toBe(422);
      expect(res.headers.get("Content-Type")).toBe("application/problem+json");
      expect(paths(res)).toEqual(["name"]);
    }
    const studio = await api("GET", `/v1/studios/${owner.studio.id}`, { token: owner.accessToken });
    expect(studio.body.name).toBe(owner.studio.name);
  });

  it("refuses them in nested fields and object keys of any route, and in query strings", async () => {
    const lines = await api("POST", `/v1/studios/${owner.studio.id}/invoices`, {
      token: owner.accessToken,
      body: { accountId: w.family, lines: [{ description: "Lesson\u0000", quantity: 1, unitPriceMinor: 100 }] },
    });
    expect(lines.status).toBe(422);
    expect(paths(lines)).toContain("lines.0.description");
    const key = await api("POST", `/v1/studios/${owner.studio.id}/teachers`, {
      token: owner.accessToken,
      body: { firstName: "A", lastName: "B", "x\u0000": 1 },
    });
    expect(key.status).toBe(422);
    expect(paths(key)).toContain("x\\u0000");
    const query = await api("GET", `/v1/studios/${owner.studio.id}/students?q=ab%00cd`, { token: owner.accessToken });
    expect(query.status).toBe(422);
    expect(paths(query)).toEqual(["q"]);
  });

  it("keeps emoji, accents, tabs and line breaks", async () => {
    const teacher = await addTeacher(owner, { firstName: "Zoë 🎻", lastName: "Núñez", bio: "Line one\r\nLine two\twith a tab" });
    expect(teacher.firstName).toBe("Zoë 🎻");
  });
});

describe("issue 10 #25: a body that is not JSON is a 415 (or a 400 when it is broken JSON)", () => {
  it("refuses text/plain, form encoding and a missing content type on PATCH, POST and PUT, changing nothing", async () => {
    const url = `/v1/studios/${owner.studio.id}`;
    const cases: Array<{ method: string; path: string; headers: Record<string, string>; rawBody?: string }> = [
      { method: "PATCH", path: url, headers: { "Content-Type": "text/plain" }, rawBody: JSON.stringify({ name: "Plain" }) },
      { method: "PATCH", path: url, headers: { "Content-Type": "application/x-www-form-urlencoded" }, rawBody: "name=Form" },
      { method: "PATCH", path: url, headers: {}, rawBody: undefined },
      { method: "POST", path: `${url}/students`, headers: { "Content-Type": "text/plain" }, rawBody: '{"firstName":"A","lastName":"B"}' },
      { method: "PUT", path: `${url}/availability/${teacher.id}`, headers: { "Content-Type": "multipart/form-data; boundary=x" }, rawBody: "--x--" },
    ];
    for (const c of cases) {
      const res = await api(c.method, c.path, { token: owner.accessToken, headers: c.headers, ...(c.rawBody === undefined ? {} : { rawBody: c.rawBody }) });
      expect(res.status, `${c.method} ${c.path} ${JSON.stringify(c.headers)}`).toBe(415);
      expect(res.headers.get("Content-Type")).toBe("application/problem+json");
      expect(res.body).toMatchObject({ status: 415, code: "unsupported_media_type", type: "urn:studiosync:problem:unsupported_media_type" });
    }
    const studio = await api("GET", url, { token: owner.accessToken });
    expect(studio.body.name).toBe(owner.studio.name);
  });

  it("answers 400 to an empty or malformed JSON body", async () => {
    for (const rawBody of ["", "{", "{'name': 1}"]) {
      const res = await api("PATCH", `/v1/studios/${owner.studio.id}`, { token: owner.accessToken, rawBody });
      expect(res.status, JSON.stringify(rawBody)).toBe(400);
      expect(res.headers.get("Content-Type")).toBe("application/problem+json");
    }
  });

  it("takes JSON with a charset or a +json media type, and routes without a body still take none", async () => {
    const res = await api("PATCH", `/v1/studios/${owner.studio.id}`, {
      token: owner.accessToken,
      headers: { "Content-Type": "application/json; charset=utf-8" },
      body: { description: "Charset ok" },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const draft = await api("POST", `/v1/studios/${owner.studio.id}/invoices`, {
      token: owner.accessToken,
      body: { accountId: w.family, lines: [{ description: "Lesson", quantity: 1, unitPriceMinor: 100 }] },
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    const sent = await api("POST", `/v1/studios/${owner.studio.id}/invoices/${draft.body.id}/send`, { token: owner.accessToken });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
  });
});

describe("issue 10 #16: a logo key must be exactly a key the logo upload issued for this studio", () => {
  it("refuses traversal, other studios, other folders and look-alikes", async () => {
    const other = await ownerWithStudio();
    const ticket = await api("POST", `/v1/studios/${owner.studio.id}/logo-upload`, {
      token: owner.accessToken,
      body: { contentType: "image/png", contentLength: 100 },
    });
    expect(ticket.status).toBe(200);
    const issued = ticket.body.key as string;
    const otherTicket = await api("POST", `/v1/studios/${other.studio.id}/logo-upload`, {
      token: other.accessToken,
      body: { contentType: "image/png", contentLength: 100 },
    });
    const foreign = otherTicket.body.key as string;
    const uuid = issued.split("logo-")[1]!.split(".")[0]!;
    for (const logoKey of [
      `${owner.studio.id}/branding/../../${foreign}`,
      `${owner.studio.id}/branding/../${other.studio.id}/branding/logo-${uuid}.png`,
      foreign,
      `${issued}/../../${foreign}`,
      `${owner.studio.id}/branding/logo-${uuid}.svg`,
      `${owner.studio.id}/exports/logo-${uuid}.png`,
      `/${issued}`,
      `${issued} `,
      `${owner.studio.id}/branding/logo-${uuid.toUpperCase()}.png`,
    ]) {
      const res = await api("PATCH", `/v1/studios/${owner.studio.id}`, { token: owner.accessToken, body: { logoKey } });
      expect(res.status, logoKey).toBe(422);
      expect(paths(res), logoKey).toEqual(["logoKey"]);
    }
    // The issued key has the right shape; it is refused only because nothing was uploaded yet.
    const early = await api("PATCH", `/v1/studios/${owner.studio.id}`, { token: owner.accessToken, body: { logoKey: issued } });
    expect(early.status).toBe(422);
    expect(early.body.errors[0].message).toBe("no file has been uploaded to this key yet");
  });
});
