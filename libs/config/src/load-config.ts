import type { z } from 'zod';

/** Marks a setting as secret: it is never printed by `describeConfig`. */
export function sensitive<T extends z.ZodType>(schema: T): T {
  return schema.meta({ sensitive: true });
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Parses and validates the environment against a service's schema at start-up.
 * The one place that reads `process.env`; everything else receives typed config.
 */
export function loadConfig<S extends z.ZodObject>(
  schema: S,
  environment: Environment = process.env,
): z.infer<S> {
  const result = schema.safeParse(environment);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
  return result.data;
}

/** The configuration as it may be logged: secrets replaced by `***`. */
export function describeConfig<S extends z.ZodObject>(
  schema: S,
  config: z.infer<S>,
): Record<string, unknown> {
  const shape = schema.shape as Record<string, z.ZodType>;
  return Object.fromEntries(
    Object.entries(config as Record<string, unknown>).map(([key, value]) => {
      const secret = shape[key]?.meta()?.['sensitive'] === true;
      return [key, secret && value !== undefined ? '***' : value];
    }),
  );
}
