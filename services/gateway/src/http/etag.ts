import type { Response } from 'express';
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

/** The If-Match request header as every versioned resource documents it. */
export const IF_MATCH_HEADER = {
  name: 'If-Match',
  required: false,
  description:
    'The ETag you last saw; a stale one is refused with 412 so no change is lost. ' +
    'Without it the change applies to what is stored now.',
};

/** Sends a resource's version as its ETag and hands the resource back. */
export function withETag<T>(dto: T, version: number, response: Response): T {
  response.setHeader('ETag', `"${version}"`);
  return dto;
}
