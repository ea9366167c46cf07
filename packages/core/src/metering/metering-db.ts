import { tableService } from "../kernel/db/table-service";
import { StudentEntity } from "../people/module";
import { StudioEntity } from "../studios/module";
import { meteringModule } from "./module";

/** The usage counters and marks, with the studios whose zone dates them and the students the drill-down names. */
export const meteringDb = tableService({ ...meteringModule.entities, studio: StudioEntity, student: StudentEntity });
