import { v7 as uuidv7 } from "uuid";
import { recordAudit } from "../audit";
import { createStudentSchema, newListedFields, text, todayIn, withoutEmpty, type CreateStudentInput } from "../people";
import type { StudentRecord } from "../people/module";
import { fieldErrors, nonEmptyCells } from "./row-fields";
import type { ImportFieldError } from "./schemas";
import type { NewRecord } from "./write-rows";

const familyNameField = text(120);

export type StudentRow = { values: CreateStudentInput & { familyName?: string } } | { errors: ImportFieldError[] };

/** A students CSV row through the same rules as POST /students (plus `familyName`, a family to join). */
export function parseStudentRow(cells: Record<string, string>): StudentRow {
  const { familyName, ...fields } = nonEmptyCells(cells);
  const parsed = createStudentSchema.safeParse(fields);
  const family = familyName === undefined ? undefined : familyNameField.safeParse(familyName);
  const errors = [
    ...(parsed.success ? [] : fieldErrors(parsed.error)),
    ...(family && !family.success ? fieldErrors(family.error).map((e) => ({ ...e, field: "familyName" })) : []),
  ];
  if (!parsed.success || errors.length > 0) return { errors };
  return { values: { ...parsed.data, ...(family?.data ? { familyName: family.data } : {}) } };
}

interface Context {
  studioId: string;
  actorId: string;
  timeZone: string;
  importHash: string;
}

/** The student a row creates, as createStudent would (enrolled today unless the row says otherwise). */
export function newStudent(context: Context, input: CreateStudentInput, familyId: string | undefined): NewRecord {
  const { studioId, actorId } = context;
  const fields = withoutEmpty(input);
  const now = new Date().toISOString();
  const record = {
    isActive: true,
    enrollmentDate: todayIn(context.timeZone),
    ...fields,
    firstName: input.firstName,
    lastName: input.lastName,
    primaryTeacherId: "none",
    ...(familyId ? { familyId } : {}),
    studioId,
    studentId: uuidv7(),
    ...newListedFields(actorId, `${input.firstName} ${input.lastName}`, fields.email, now),
    importHash: context.importHash,
  } satisfies StudentRecord;
  return {
    id: record.studentId,
    items: (tx) => [
      tx.student.create(record).commit(),
      recordAudit(tx, { studioId, actorId, action: "student.imported", entityType: "student", entityId: record.studentId, after: record }),
    ],
  };
}
