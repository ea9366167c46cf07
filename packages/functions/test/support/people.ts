import { randomUUID } from "node:crypto";
import { db } from "@studiosync/core/db";
import { searchKeys } from "@studiosync/core/people";
import { expect } from "vitest";
import { api, type ownerWithStudio } from "./api";

export { memberWithRole } from "./members";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;

/** Adds a teacher through the API as the owner. */
export async function addTeacher(owner: Owner, body: Record<string, unknown> = {}) {
  const res = await api("POST", `/v1/studios/${owner.studio.id}/teachers`, {
    token: owner.accessToken,
    body: { firstName: "Tess", lastName: `Teacher ${randomUUID().slice(0, 6)}`, ...body },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; firstName: string; lastName: string } & Record<string, unknown>;
}

/** Enrols a student through the API as the owner. */
export async function addStudent(owner: Owner, body: Record<string, unknown> = {}) {
  const res = await api("POST", `/v1/studios/${owner.studio.id}/students`, {
    token: owner.accessToken,
    body: { firstName: "Sam", lastName: `Student ${randomUUID().slice(0, 6)}`, ...body },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; firstName: string; lastName: string } & Record<string, unknown>;
}

/** A family written straight through core (test-only: the family routes are tested on their own). */
export async function seedFamily(studioId: string, name = "The Testers") {
  const familyId = randomUUID();
  await db()
    .entities.family.create({ studioId, familyId, name, createdBy: "test", updatedBy: "test", ...searchKeys(name) })
    .go();
  return familyId;
}

export async function familyStudentIds(studioId: string, familyId: string) {
  const { data } = await db().entities.family.get({ studioId, familyId }).go();
  return [...(data?.studentIds ?? [])].sort();
}

/** `count` students written straight into a studio's partition (25 per BatchWriteItem): size, not API, under test. `email` gives each an address of their own. */
export async function seedStudents(studioId: string, count: number, email?: (i: number) => string) {
  const students = Array.from({ length: count }, (_, i) => {
    const firstName = `Seed${String(i).padStart(4, "0")}`;
    return {
      studioId,
      studentId: randomUUID(),
      firstName,
      lastName: "Bulk",
      instrument: "piano",
      ...(email ? { email: email(i) } : {}),
      createdBy: "test",
      updatedBy: "test",
      ...searchKeys(`${firstName} Bulk`),
    };
  });
  for (let i = 0; i < students.length; i += 25) {
    const { unprocessed } = await db()
      .entities.student.put(students.slice(i, i + 25))
      .go();
    expect(unprocessed).toEqual([]);
  }
}

/** The audit actions recorded for one record, oldest first. */
export async function auditActions(studioId: string, entityType: string, entityId: string) {
  const { data } = await db().entities.auditEvent.query.auditByEntity({ studioId, entityType, entityId }).go();
  return data.map((event) => event.action);
}

export const paths = (list: { status: number; body: { errors?: { path: string }[] } }) => (list.body.errors ?? []).map((e) => e.path).sort();
