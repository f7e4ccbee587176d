/** RFC 9457 problem details as the gateway sends them. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  traceId?: string;
  errors?: { field: string; message: string }[];
  [extension: string]: unknown;
}

export function isProblem(value: unknown): value is ProblemDetails {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate['title'] === 'string' && typeof candidate['status'] === 'number';
}

/**
 * Errors of the form's own fields, by field name: the API names them `fields/<name>` or
 * `customFields/<name>` (catalog orders) or just `<name>`.
 */
export function fieldErrorsOf(problem: ProblemDetails): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const error of problem.errors ?? []) {
    const name = error.field.replace(/^(custom)?[Ff]ields\//, '');
    errors[name] ??= error.message;
  }
  return errors;
}

/** One readable sentence: the detail when it says more than the title. */
export function problemMessage(problem: ProblemDetails): string {
  const detail = problem.detail?.trim();
  if (!detail || detail === problem.title) return problem.title;
  return detail;
}
