import "./bound-env";
import { handle } from "hono/aws-lambda";
import { createApp } from "./app";

/** The Lambda behind the HTTP API. */
export const handler = handle(createApp());
