import { applyDecorators } from '@nestjs/common';
import { ArrayMaxSize, IsArray, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 50;

/** The OpenAPI schema of a set of tags, as bodies take it. */
export const TAGS_SCHEMA = {
  type: 'array',
  items: { type: 'string', minLength: 1, maxLength: MAX_TAG_LENGTH, pattern: '^[^,]*$' },
  maxItems: MAX_TAGS,
  example: ['vpn', 'vip'],
} as const;

/**
 * At most 20 tags of 1 to 50 characters, none with a comma (the list filter separates tags by
 * commas). The service lower-cases and trims them, so `VPN` and ` vpn` are one tag; its rules
 * are final, these only refuse early.
 */
export function AreTags(): PropertyDecorator {
  return applyDecorators(
    IsArray(),
    ArrayMaxSize(MAX_TAGS),
    IsString({ each: true }),
    MinLength(1, { each: true }),
    MaxLength(MAX_TAG_LENGTH, { each: true }),
    Matches(/^[^,]*$/, { each: true, message: 'a tag cannot contain a comma' }),
  );
}
