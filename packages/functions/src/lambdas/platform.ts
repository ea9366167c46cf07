import "../bound-env";
import { handle } from "hono/aws-lambda";
import { createBaseApp } from "../http/app-factory";
import { mountPlatform } from "../route-groups/platform";

/** Accounts and studios; also answers every path no other Lambda is routed ("$default"). */
export const handler = handle(mountPlatform(createBaseApp()));
