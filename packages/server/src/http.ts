import type { z } from "zod";

/** Who makes a request, and what they may do. */
export const ROLES = ["viewer", "analyst", "admin"] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  user: string;
  role: Role;
}

/** Whether `role` includes what `needed` may do (viewer < analyst < admin). */
export function allows(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/** An error with the HTTP status it is answered with. */
export class HttpError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 500,
    message: string,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

/** One problem of a request: where (`query.year`, `body.decision`) and what. */
export interface Issue {
  path: string;
  message: string;
}

/** A request whose query, body or path parameters do not validate. */
export class ValidationError extends Error {
  constructor(readonly issues: Issue[]) {
    super(`Invalid request: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`);
    this.name = "ValidationError";
  }
}

/** The body of every error answer. */
export interface ErrorBody {
  error: { status: number; message: string; issues?: Issue[] };
}

/** Validates `value` against `schema`; problems become a `ValidationError` naming `where.field`. */
export function validate<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw new ValidationError(
    r.error.issues.map((i) => ({
      path: [where, ...i.path.map(String)].join("."),
      message: i.message,
    })),
  );
}

/**
 * The status and body an error is answered with: 400 for validation, 404 for `No such …`, the status of
 * an `HttpError`, and 500 for anything else, without its message or stack.
 */
export function errorAnswer(err: unknown): { status: number; body: ErrorBody } {
  if (err instanceof ValidationError) {
    return { status: 400, body: { error: { status: 400, message: err.message, issues: err.issues } } };
  }
  if (err instanceof HttpError) {
    return { status: err.status, body: { error: { status: err.status, message: err.message } } };
  }
  const message = err instanceof Error ? err.message : String(err);
  if (/^No such [\w -]+: /.test(message)) {
    return { status: 404, body: { error: { status: 404, message } } };
  }
  return { status: 500, body: { error: { status: 500, message: "Internal server error" } } };
}
