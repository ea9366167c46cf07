export { studioToday, type StudioToday } from "./today";
export { CHOICE_LISTS, workspaceChoices, type ChoiceList, type WorkspaceChoices } from "./choices";
