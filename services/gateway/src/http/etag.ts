import { BadRequestException } from '@nestjs/common';

/** The ticket version named by an If-Match header (`"3"` or `W/"3"`); undefined when absent. */
export function versionFromIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(header);
  if (!match?.[1] || Number(match[1]) < 1) {
    throw new BadRequestException(
      `If-Match must be an ETag of this API such as "3", got ${header}`,
    );
  }
  return Number(match[1]);
}
