/** Coded reasons, declared once: every rejected record carries exactly one of these. */
export const REJECT_CODES = {
  invalid_json: "the record is not valid JSON",
  truncated: "the record ends before it is complete",
  invalid_encoding: "the bytes are not valid in the file's encoding",
  not_an_object: "the record is not an object",
  wrong_type: "a field has the wrong type",
  column_count: "the row has a different number of columns than the header",
  too_long: "the record is longer than the limit",
  empty_record: "the record has no content to screen",
  unreadable: "the input could not be read",
} as const;

export type RejectCode = keyof typeof REJECT_CODES;

/** A record set aside, with where it was and why. */
export interface Rejection {
  file: string;
  line: number;
  offset: number;
  code: RejectCode;
  message: string;
  field?: string;
}

/** A result union in the manner of `safeParse`: data or a coded reason, never a throw. */
export type Result<T> =
  | { ok: true; value: T }
  | { ok: false; code: RejectCode; message: string; field?: string };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(code: RejectCode, message: string, field?: string): Result<T> =>
  field === undefined ? { ok: false, code, message } : { ok: false, code, message, field };
