import { BadRequestException, type ValidationError } from '@nestjs/common';
import type { FieldError } from './problem-details';

/** A request that failed validation, with every violated field. */
export class ValidationException extends BadRequestException {
  constructor(readonly errors: FieldError[]) {
    super('the request is invalid');
  }

  /** exceptionFactory for ValidationPipe: nested fields become dotted paths. */
  static fromValidationErrors(errors: ValidationError[]): ValidationException {
    return new ValidationException(flatten(errors, ''));
  }
}

function flatten(errors: ValidationError[], prefix: string): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
