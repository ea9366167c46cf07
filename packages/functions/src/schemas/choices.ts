import { z } from "@hono/zod-openapi";
import { PublicCourseSchema } from "@studiosync/core/classes";
import { AvailabilityPageSchema } from "./availability";
import { BandPageSchema } from "./bands";
import { FamilyPageSchema } from "./families";
import { StudentPageSchema } from "./people";
import { RoomPageSchema } from "./rooms";

const firstPage = (what: string) => ({ description: `${what}: the first page (at most 100), its cursor good for the list route's next page` });

export const WorkspaceChoicesSchema = z
  .object({
    teachers: AvailabilityPageSchema.optional().openapi(
      firstPage("The teachers the caller books for, with their working weeks (admins: every listed teacher; a teacher: themself; others: none)"),
    ),
    students: StudentPageSchema.optional().openapi(firstPage("The students, as GET …/students gives them to the caller")),
    families: FamilyPageSchema.optional().openapi(firstPage("The families (admins only: left out for others)")),
    bands: BandPageSchema.optional().openapi(firstPage("The bands (admins only: left out for others)")),
    rooms: RoomPageSchema.optional().openapi(firstPage("The rooms, as GET …/rooms gives them to the caller")),
    courses: z
      .object({ items: z.array(PublicCourseSchema) })
      .optional()
      .openapi({
        description: "The active group courses with their plans and the class slots still ahead, with seats left (admins only: left out for others)",
      }),
  })
  .openapi("WorkspaceChoices");
