import { z } from "zod";

// Field builders shared by every schema. The same schema parses HTML form values (strings) and JSON,
// so numbers and booleans accept both. Error messages are keys under `validation.` in the message files.

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** A GET filter's field: left out or blank means "any". */
export const optionalFilter = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

/** Next's searchParams hold arrays when a name repeats; a filter takes the first value of each of its fields. */
export function firstValues(params: Record<string, string | string[] | undefined>, fields: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of fields) {
    const value = params[field];
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) values[field] = first;
  }
  return values;
}

/**
 * What no text field takes: C0 controls but tab and line breaks, DEL and the C1 controls, the invisible
 * format characters that make one name look like another or display reversed (zero-width space and
 * non-joiner, LRM/RLM, bidi embeddings, overrides and isolates, word joiner and friends, BOM), and
 * unpaired surrogates (no character at all; SQLite would store U+FFFD instead). The zero-width joiner
 * stays: emoji sequences need it.
 */
const UNSAFE_TEXT =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const isSafeText = (value: string): boolean => !UNSAFE_TEXT.test(value);

export const requiredText = (max = 200) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z.string({ error: "required" }).min(1, { error: "required" }).max(max, { error: "tooLong" }).refine(isSafeText, { error: "unsafeText" }),
  );

export const optionalText = (max = 500) =>
  z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? null : v.trim()) : (v ?? null)),
    z.string({ error: "invalid" }).max(max, { error: "tooLong" }).refine(isSafeText, { error: "unsafeText" }).nullable(),
  );

/** Dates a record can carry: anything else is a typo (0000-01-01, 9999-12-31), not a plan. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2099;

export const isoDate = () =>
  z.preprocess(
    blankToUndefined,
    z
      .string({ error: "required" })
      .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "date", abort: true })
      .refine((s) => {
        const d = new Date(`${s}T00:00:00Z`);
        return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
      }, { error: "date", abort: true })
      .refine((s) => Number(s.slice(0, 4)) >= MIN_YEAR && Number(s.slice(0, 4)) <= MAX_YEAR, { error: "dateRange", abort: true }),
  );

/** Decimal notation only: Number() would also read "0x1F", "0b11" and "0o7" as numbers. */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

const toNumber = (v: unknown) => {
  const b = blankToUndefined(v);
  if (typeof b === "string") {
    const text = b.replace(/,/g, "").trim();
    return DECIMAL.test(text) ? Number(text) : Number.NaN;
  }
  return b;
};

export const integer = (min: number, max: number) =>
  z.preprocess(
    toNumber,
    z
      .number({ error: (iss) => (iss.input === undefined ? "required" : "number") })
      .int({ error: "integer" })
      .min(min, { error: "tooSmall" })
      .max(max, { error: "tooBig" }),
  );

export const decimal = (min: number, max: number) =>
  z.preprocess(
    toNumber,
    z
      .number({ error: (iss) => (iss.input === undefined ? "required" : "number") })
      .min(min, { error: "tooSmall" })
      .max(max, { error: "tooBig" }),
  );

/** An HTML checkbox sends "on" when ticked and nothing otherwise; JSON sends a boolean. */
export const checkbox = () =>
  z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());

export const enumOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(blankToUndefined, z.enum(values, { error: (iss) => (iss.input === undefined ? "required" : "invalid") }));

export const provinceCode = () =>
  z.preprocess(blankToUndefined, z.string({ error: "required" }).regex(/^\d{2}0000$/, { error: "provinceCode" }));

/** Optional province: an empty select means "none". */
export const optionalProvinceCode = () =>
  z.preprocess((v) => blankToUndefined(v) ?? null, z.string().regex(/^\d{2}0000$/, { error: "provinceCode" }).nullable());

/** Newline-separated lines in a textarea, or a JSON array. */
export const lines = (maxItems: number, maxLength: number) =>
  z.preprocess(
    (v) =>
      typeof v === "string"
        ? v
            .split(/\r?\n/)
            .map((s) => s.trim())
            .filter(Boolean)
        : (v ?? []),
    z.array(z.string({ error: "invalid" }).max(maxLength, { error: "tooLong" }).refine(isSafeText, { error: "unsafeText" })).max(maxItems, { error: "tooMany" }),
  );

/** A multi-select or group of checkboxes: one value or many. */
export const multi = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(item));

export const version = () => integer(1, Number.MAX_SAFE_INTEGER);

/**
 * For a rule across fields: run it whenever the fields it reads are valid, even if unrelated fields
 * failed (zod skips object refinements after any failure by default), so the user sees every error at once.
 */
export const whenFieldsValid =
  (...fields: string[]) =>
  (payload: z.core.ParsePayload): boolean =>
    payload.issues.every((issue) => !fields.includes(String(issue.path?.[0])));

/** A number the user may leave blank ("not reported"): blank becomes null. */
export const nullableInteger = (min: number, max: number) =>
  z.preprocess(
    (v) => (toNumber(v) === undefined ? null : toNumber(v)),
    z.number({ error: "number" }).int({ error: "integer" }).min(min, { error: "tooSmall" }).max(max, { error: "tooBig" }).nullable(),
  );

export const nullableDecimal = (min: number, max: number) =>
  z.preprocess(
    (v) => (toNumber(v) === undefined ? null : toNumber(v)),
    z.number({ error: "number" }).min(min, { error: "tooSmall" }).max(max, { error: "tooBig" }).nullable(),
  );

export const nullableDate = () => z.preprocess((v) => blankToUndefined(v) ?? null, isoDate().nullable());

export const nullableEnumOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => blankToUndefined(v) ?? null, z.enum(values, { error: "invalid" }).nullable());
