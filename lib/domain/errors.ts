// Expected failures: returned to the user as a translated message, never thrown to error.tsx.
// `messageKey` is a key under `errors.` in the message files.

export class DomainError extends Error {
  constructor(
    readonly messageKey: string,
    readonly field?: string,
  ) {
    super(messageKey);
    this.name = "DomainError";
  }
}

/**
 * The row changed since the form was opened: the save is refused rather than silently overwriting.
 * `current` carries the stored values (by form field name) so the form can show them.
 */
export class ConflictError extends DomainError {
  constructor(
    readonly current?: Record<string, string>,
    /** The stored version now, for an API caller to read again and resend. */
    readonly version?: number,
  ) {
    super("conflict");
    this.name = "ConflictError";
  }
}

/** Rules checked against stored state failed: field name → message key under `validation.`. */
export class FieldErrors extends Error {
  constructor(readonly keys: Record<string, string>) {
    super("field errors");
    this.name = "FieldErrors";
  }
}

export class ForbiddenError extends DomainError {
  /** `target`: what was refused, for the security log, when the request's own ids do not say it (a new centre's province). */
  constructor(readonly target?: string) {
    super("forbidden");
    this.name = "ForbiddenError";
  }
}

export class NotFoundError extends DomainError {
  constructor() {
    super("notFound");
    this.name = "NotFoundError";
  }
}

/**
 * The row exists but is not the caller's (another user's token): answered exactly as a missing row, so
 * ids cannot be probed, but logged as a refused authorization.
 */
export class NotYoursError extends NotFoundError {
  constructor(readonly target?: string) {
    super();
    this.name = "NotYoursError";
  }
}
