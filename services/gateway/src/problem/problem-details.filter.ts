import { STATUS_CODES } from 'node:http';
import { Metadata, status as GrpcStatus } from '@grpc/grpc-js';
import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { ErrorMetadata, ServiceErrorCodes } from '@itsm/contracts';
import { currentTraceId } from '@itsm/telemetry';
import { httpStatusOfGrpc } from './grpc-status.mapper';
import {
  type FieldError,
  PROBLEM_CONTENT_TYPE,
  type ProblemDetails,
  ProblemType,
} from './problem-details';
import { HttpProblemException } from './http-problem.exception';
import { ValidationException } from './validation.exception';

interface GrpcServiceError {
  code: GrpcStatus;
  details: string;
  metadata?: Metadata;
}

const RETRY_AFTER_SECONDS = '2';

export function isGrpcServiceError(error: unknown): error is GrpcServiceError {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'number' &&
    typeof (error as { details?: unknown }).details === 'string'
  );
}

function metadataJson(metadata: Metadata | undefined, key: string): unknown {
  const [raw] = metadata?.get(key) ?? [];
  if (!raw) return undefined;
  try {
    return JSON.parse(Buffer.isBuffer(raw) ? raw.toString('utf8') : raw);
  } catch {
    return undefined;
  }
}

function violationsOf(metadata: Metadata | undefined): FieldError[] | undefined {
  const violations = metadataJson(metadata, ErrorMetadata.violations);
  return Array.isArray(violations) && violations.length > 0
    ? (violations as FieldError[])
    : undefined;
}

/** Facts a client can act on (current state, allowed actions, current version). */
function detailsOf(metadata: Metadata | undefined): Record<string, unknown> {
  const details = metadataJson(metadata, ErrorMetadata.details);
  return typeof details === 'object' && details !== null && !Array.isArray(details)
    ? (details as Record<string, unknown>)
    : {};
}

/**
 * An error of Express middleware a client may see: body-parser (via http-errors) marks its
 * 4xx errors `expose`, e.g. a JSON body over HTTP_BODY_LIMIT (413) or an unknown charset (415).
 */
function isExposedClientError(error: unknown): error is Error & { status: number } {
  if (!(error instanceof Error)) return false;
  const { status, expose } = error as { status?: unknown; expose?: unknown };
  return expose === true && typeof status === 'number' && status >= 400 && status < 500;
}

/** Service error codes that answer differently from their gRPC status. */
const ANSWERS_BY_SERVICE_CODE: Readonly<Record<string, { status: number; type: string }>> = {
  [ServiceErrorCodes.versionConflict]: {
    status: HttpStatus.PRECONDITION_FAILED,
    type: ProblemType.versionConflict,
  },
  [ServiceErrorCodes.idempotencyKeyReused]: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    type: ProblemType.idempotencyKeyReused,
  },
  [ServiceErrorCodes.invalidTransition]: {
    status: HttpStatus.CONFLICT,
    type: ProblemType.invalidTransition,
  },
};

function problemTypeOf(status: number): string {
  if (status === 400) return ProblemType.validation;
  if (status === 404) return ProblemType.notFound;
  if (status === 409) return ProblemType.conflict;
  if (status === 503) return ProblemType.unavailable;
  if (status >= 500) return ProblemType.internal;
  return ProblemType.blank;
}

/**
 * Every error leaves the gateway as RFC 9457 problem+json: validation failures with
 * their fields, service errors by their gRPC status, and anything unexpected as a 500
 * that reveals nothing internal but the trace id.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const problem = this.toProblem(exception, request.originalUrl ?? request.url);
    if (problem.status >= 500) {
      this.logger.error({ err: exception, status: problem.status }, problem.detail);
    }
    if (problem.status === 503 || problem.status === 429)
      response.setHeader('Retry-After', RETRY_AFTER_SECONDS);
    if (exception instanceof HttpProblemException)
      for (const [name, value] of Object.entries(exception.headers))
        response.setHeader(name, value);
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }

  toProblem(exception: unknown, instance: string): ProblemDetails {
    const traceId = currentTraceId();
    const base = (
      status: number,
      detail: string,
      type = problemTypeOf(status),
    ): ProblemDetails => ({
      type,
      title: STATUS_CODES[status] ?? 'Error',
      status,
      detail,
      instance,
      ...(traceId ? { traceId } : {}),
    });

    if (exception instanceof ValidationException) {
      return {
        ...base(HttpStatus.BAD_REQUEST, 'the request is invalid; see errors'),
        errors: exception.errors,
      };
    }
    if (exception instanceof HttpProblemException) {
      return {
        ...exception.extensions,
        ...base(exception.status, exception.detail, exception.type),
      };
    }
    if (exception instanceof HttpException) {
      // Plain HTTP errors (unknown route, malformed JSON, ...) need no type of their own.
      return base(exception.getStatus(), messageOf(exception), ProblemType.blank);
    }
    if (isExposedClientError(exception)) {
      return base(exception.status, exception.message, ProblemType.blank);
    }
    if (isGrpcServiceError(exception)) {
      const status = httpStatusOfGrpc(exception.code);
      if (status === HttpStatus.SERVICE_UNAVAILABLE) {
        return base(status, 'a service behind the gateway is unavailable; retry later');
      }
      if (status >= 500) return base(status, 'a service behind the gateway failed');
      const [code] = exception.metadata?.get(ErrorMetadata.code) ?? [];
      const special = typeof code === 'string' ? ANSWERS_BY_SERVICE_CODE[code] : undefined;
      const errors = violationsOf(exception.metadata);
      return {
        ...detailsOf(exception.metadata),
        ...(special
          ? base(special.status, exception.details, special.type)
          : base(status, exception.details)),
        ...(errors ? { errors } : {}),
      };
    }
    return base(HttpStatus.INTERNAL_SERVER_ERROR, 'an unexpected error occurred');
  }
}

function messageOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
}
