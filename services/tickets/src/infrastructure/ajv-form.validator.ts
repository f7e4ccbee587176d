import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { FieldViolation } from '../domain/ticket-error';
import type { FormSchema, FormValidator, FormValues } from '../domain/service-catalog';

/** The field an error is about, as a JSON pointer: `/laptop/model`, or the missing one. */
function fieldOf(error: ErrorObject): string {
  const missing = (error.params as { missingProperty?: string }).missingProperty;
  return missing ? `${error.instancePath}/${missing}` : error.instancePath || '/';
}

/**
 * Forms checked with ajv against JSON Schema 2020-12 (with formats such as email and date).
 * Compiled schemas are kept by their JSON text, so a busy catalog item compiles once.
 */
export class AjvFormValidator implements FormValidator {
  private readonly ajv = new Ajv2020({ allErrors: true, strict: true });
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor() {
    addFormats(this.ajv);
  }

  schemaProblems(schema: FormSchema): string[] {
    try {
      this.compile(schema);
      return [];
    } catch (error) {
      return [`not a usable JSON Schema: ${(error as Error).message}`];
    }
  }

  violations(schema: FormSchema, values: FormValues): FieldViolation[] {
    const validate = this.compile(schema);
    if (validate(values)) return [];
    return (validate.errors ?? []).map((error) => ({
      field: fieldOf(error),
      message: error.message ?? 'is invalid',
    }));
  }

  private compile(schema: FormSchema): ValidateFunction {
    const key = JSON.stringify(schema);
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(schema);
      this.compiled.set(key, validate);
    }
    return validate;
  }
}
