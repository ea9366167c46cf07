import type { FieldErrors } from "./problem";
import { field, optionalField } from "./form";

/** The form fields a visitor fills in about the student and who to contact (trial booking and enquiry). */
export const PROSPECT_FIELDS = ["studentFirstName", "studentLastName", "age", "instrument", "level", "contactName", "email", "phone"] as const;

/** API field path → the form field it belongs under. */
const FIELD_OF: Record<string, string> = {
  "student.firstName": "studentFirstName",
  "student.lastName": "studentLastName",
  "student.age": "age",
  "student.instrument": "instrument",
  "student.level": "level",
  "contact.name": "contactName",
  "contact.email": "email",
  "contact.phone": "phone",
};

/** The API's errors under the form's fields (others keep their path). */
export const prospectErrors = (errors: FieldErrors): FieldErrors =>
  Object.fromEntries(Object.entries(errors).map(([path, message]) => [FIELD_OF[path] ?? path, message]));

/** The form's names for the API's fields, for problemMessage's "known fields". */
export const PROSPECT_API_FIELDS = Object.keys(FIELD_OF);

/** The student and contact as the API takes them; an age that is not a number is sent as typed, so the API names it. */
export function prospectFromForm(form: FormData) {
  const age = field(form, "age");
  return {
    student: {
      firstName: field(form, "studentFirstName"),
      lastName: field(form, "studentLastName"),
      ...(age ? { age: /^\d+$/.test(age) ? Number(age) : (age as unknown as number) } : {}),
      ...(optionalField(form, "instrument") ? { instrument: optionalField(form, "instrument") } : {}),
      ...(optionalField(form, "level") ? { level: optionalField(form, "level") } : {}),
    },
    contact: {
      name: field(form, "contactName"),
      email: field(form, "email"),
      ...(optionalField(form, "phone") ? { phone: optionalField(form, "phone") } : {}),
    },
  };
}

/** The values to show again in a refused form. */
export const valuesOf = (form: FormData, names: readonly string[]) => Object.fromEntries(names.map((name) => [name, field(form, name)]));
