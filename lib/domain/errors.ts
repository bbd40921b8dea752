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

/** The row changed since the form was opened: the save is refused rather than silently overwriting. */
export class ConflictError extends DomainError {
  constructor() {
    super("conflict");
    this.name = "ConflictError";
  }
}

export class ForbiddenError extends DomainError {
  constructor() {
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
