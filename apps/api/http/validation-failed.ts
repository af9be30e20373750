import { DomainError } from '@warden/shared/errors';

/** One problem with one input field; `field` is a dotted path or a header name. */
export interface FieldError {
  field: string;
  message: string;
}

/** The contract's `400 validation_failed`, with one detail per field. */
export function validationFailed(details: FieldError[], message = 'The request is invalid.'): DomainError {
  return new DomainError('validation_failed', 400, message, details);
}
