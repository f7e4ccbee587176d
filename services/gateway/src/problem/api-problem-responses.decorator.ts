import { applyDecorators } from '@nestjs/common';
import { ApiResponse, type ResponseObject } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from './problem-details';
import { ProblemDetailsDto } from './problem-details.dto';

/** A problem+json response as the API document describes it. */
export function problemResponse(description = 'RFC 9457 problem details'): ResponseObject {
  return {
    description,
    content: {
      [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/ProblemDetailsDto' } },
    },
  };
}

/** Documents the problem+json responses an endpoint can return. */
export function ApiProblemResponses(...statuses: number[]) {
  return applyDecorators(
    ...statuses.map((status) => ApiResponse({ status, ...problemResponse() })),
  );
}

export const problemSchemas = [ProblemDetailsDto];
