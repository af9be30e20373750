/**
 * A put would give a unique-indexed field a value another document already holds.
 * The message names the field, never the value: values are often personal data.
 */
export class UniqueViolationError extends Error {
  constructor(
    readonly collection: string,
    /** Undefined when the adapter cannot tell which index refused the write. */
    readonly field: string | undefined,
  ) {
    super(
      field === undefined
        ? `a unique index of collection ${collection} refused the document`
        : `another document in collection ${collection} already has this ${field}`,
    );
    this.name = 'UniqueViolationError';
  }
}
