import { z } from "zod";
import { requiredText } from "../people";

/** A list of short texts (topics, objectives, pieces…): each 1–`itemMax` characters, at most `max` entries. */
export const textList = (max: number, itemMax = 500) =>
  z.array(requiredText(itemMax), { invalid_type_error: "must be a list of strings" }).max(max, `must have at most ${max} entries`);

/** Keywords: trimmed, de-duplicated. */
export const tagList = textList(20, 40).transform((tags) => [...new Set(tags)]);

export const booleanField = z.boolean({ invalid_type_error: "must be true or false" });
