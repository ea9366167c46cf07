import type { ClientResponse } from "hono/client";
import type { SuccessStatusCode } from "hono/utils/http-status";
import { toProblem, type Problem } from "./problem";

export type AnyResponse = ClientResponse<unknown, number, any>;

/** The body type of the success responses a typed client call can return. */
export type SuccessBody<R> = R extends ClientResponse<infer T, infer S, any> ? (S extends SuccessStatusCode ? T : never) : never;

export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; status: number; problem: Problem };

/**
 * Awaits a typed client call and splits it into data or problem. Error statuses are answered
 * by the API's shared error handler, so they are not part of the route types — read them here.
 */
export async function call<R extends AnyResponse>(request: Promise<R>): Promise<ApiResult<SuccessBody<R>>> {
  const res = await request;
  const status: number = res.status;
  const text = await res.text();
  const body: unknown = text ? safeJson(text) : undefined;
  if (res.ok) return { ok: true, status, data: body as SuccessBody<R> };
  return { ok: false, status, problem: toProblem(status, body) };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
