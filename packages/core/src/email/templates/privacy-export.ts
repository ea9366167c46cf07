import { renderActionEmail } from "./layout";
import { quotedName } from "./subject-text";

/** The link to a privacy export (a presigned S3 download), sent to whoever requested it. */
export function privacyExportMessage(input: { studioName: string; subjectName: string; url: string; validHours: number }) {
  return renderActionEmail({
    subject: `Your data export from ${quotedName(input.studioName)} is ready`,
    greeting: "Hi there,",
    paragraphs: [
      `As requested, here is everything ${input.studioName} holds on StudioSync about ${input.subjectName}, as one JSON file.`,
      "The file contains personal information: keep it somewhere safe and do not forward this email.",
    ],
    action: { label: "Download the export", url: input.url },
    footer: `This link expires in ${input.validHours} hours. If you did not ask for an export, tell the studio.`,
  });
}
