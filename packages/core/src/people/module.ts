import type { CoreModule } from "../kernel/core-module";
import { BandEntity } from "./band.entity";
import { FamilyEntity } from "./family.entity";
import { GuardianEntity } from "./guardian.entity";
import { StudentEntity } from "./student.entity";
import { TeacherEntity } from "./teacher.entity";

export * from "./band.entity";
export * from "./family.entity";
export * from "./guardian.entity";
export * from "./student.entity";
export * from "./teacher.entity";

/**
 * The people module's declaration: the entities it owns (teachers, students, families, guardians
 * and bands), with their record types. The ElectroDB services (db/, each module's *-db.ts) are
 * composed from these declarations; other modules reach the entities through this file, not
 * through their files.
 */
export const peopleModule = {
  name: "people",
  entities: {
    band: BandEntity,
    family: FamilyEntity,
    guardian: GuardianEntity,
    student: StudentEntity,
    teacher: TeacherEntity,
  },
} as const satisfies CoreModule;
