import type { ValueTransformer } from 'typeorm';

/** pg returns bigint as text; durations in ms stay far below 2^53, so numbers are exact. */
export const bigintAsNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
