import { applyDecorators } from '@nestjs/common';
import type { TransformFnParams } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsString, MaxLength, MinLength } from 'class-validator';

export const MAX_TAGS = 20;
export const MAX_RELATED_IDS = 50;

/** The OpenAPI schema of a list of short strings. */
export function listSchema(maxItems: number, maxLength: number, example: string[]) {
  return {
    type: 'array',
    items: { type: 'string', minLength: 1, maxLength },
    maxItems,
    example,
  } as const;
}

/** At most `maxItems` strings of 1 to `maxLength` characters. The service normalises them. */
export function AreShortStrings(maxItems: number, maxLength: number): PropertyDecorator {
  return applyDecorators(
    IsArray(),
    ArrayMaxSize(maxItems),
    IsString({ each: true }),
    MinLength(1, { each: true }),
    MaxLength(maxLength, { each: true }),
  );
}

/** `?tags=vpn&tags=mail` and `?tags=vpn,mail` alike become `['vpn', 'mail']`. */
export function toStringList({ value }: TransformFnParams): unknown {
  if (value === undefined) return undefined;
  const values: unknown[] = Array.isArray(value) ? value : [value];
  return values.flatMap((item) =>
    typeof item === 'string' ? item.split(',').map((part) => part.trim()) : [item],
  );
}
