import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, validationFailed } from './validation-failed';

/**
 * The global pipe: DTOs are class-validator classes; unknown fields are refused, not
 * stripped (contract §2), and every failure is `400 validation_failed` with one detail
 * per field. Query strings arrive as strings: query DTOs convert with
 * class-transformer's @Type(() => Number), since implicit conversion would also
 * quietly accept "5" for a number in a JSON body.
 */
export function createValidationPipe(): ValidationPipe {
  return new JsonValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => validationFailed(toFieldErrors(errors)),
  });
}

class JsonValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // An absent body stands for `{}` (commands without fields), but an array, a
    // string or null is never a command, whatever rules its DTO has.
    if (metadata.type === 'body' && value !== undefined && this.toValidate(metadata) && !isPlainObject(value)) {
      throw validationFailed([{ field: 'body', message: 'must be a JSON object' }]);
    }
    return super.transform(value, metadata);
  }
}

/** Flattens class-validator's tree to `{field: 'context.ip', message}`, one per field. */
export function toFieldErrors(errors: readonly ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const constraints = error.constraints ?? {};
    const own: FieldError[] =
      'whitelistValidation' in constraints
        ? [{ field, message: 'unknown field' }]
        : Object.keys(constraints).length > 0
          ? [{ field, message: Object.values(constraints).join('; ') }]
          : [];
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
