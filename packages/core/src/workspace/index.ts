export { studioToday, type StudioToday } from "./today";
