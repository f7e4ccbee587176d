import { Metadata, status } from '@grpc/grpc-js';
import { BadRequestException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { ProblemDetailsFilter } from './problem-details.filter';
import { httpStatusOfGrpc } from './grpc-status.mapper';
import { ValidationException } from './validation.exception';

const filter = new ProblemDetailsFilter();
const grpcError = (code: status, details: string, metadata = new Metadata()) => ({
  code,
  details,
  metadata,
});

describe('ProblemDetailsFilter', () => {
  it('lists every invalid field of a validation failure', () => {
    const problem = filter.toProblem(
      new ValidationException([{ field: 'title', message: 'title must not be empty' }]),
      '/api/v1/tickets',
    );
    expect(problem).toEqual({
      type: '/problems/validation-failed',
      title: 'Bad Request',
      status: 400,
      detail: 'the request is invalid; see errors',
      instance: '/api/v1/tickets',
      errors: [{ field: 'title', message: 'title must not be empty' }],
    });
  });

  it('turns plain HTTP errors into about:blank problems', () => {
    expect(filter.toProblem(new NotFoundException('Cannot GET /nope'), '/nope')).toMatchObject({
      type: 'about:blank',
      status: 404,
      detail: 'Cannot GET /nope',
    });
    expect(
      filter.toProblem(new BadRequestException('Unexpected end of JSON input'), '/x').status,
    ).toBe(400);
  });

  it('answers a body over a limit with 413: a file multer refused, or JSON body-parser refused', () => {
    expect(
      filter.toProblem(new PayloadTooLargeException('the file is larger than 10 MiB'), '/a'),
    ).toEqual({
      type: 'about:blank',
      title: 'Payload Too Large',
      status: 413,
      detail: 'the file is larger than 10 MiB',
      instance: '/a',
    });
    // body-parser's error, as http-errors builds it: not an HttpException.
    const tooLargeJson = Object.assign(new Error('request entity too large'), {
      status: 413,
      statusCode: 413,
      expose: true,
      type: 'entity.too.large',
    });
    expect(filter.toProblem(tooLargeJson, '/t')).toMatchObject({
      type: 'about:blank',
      status: 413,
      detail: 'request entity too large',
    });
  });

  it('keeps a middleware error that is not meant for clients a plain 500', () => {
    const hidden = Object.assign(new Error('EACCES /var/secret'), { status: 403, expose: false });
    expect(filter.toProblem(hidden, '/t')).toMatchObject({
      status: 500,
      detail: 'an unexpected error occurred',
    });
  });

  it('maps a service error by its gRPC status and keeps its field violations', () => {
    const metadata = new Metadata();
    metadata.set(
      'itsm-violations-bin',
      Buffer.from(JSON.stringify([{ field: 'pageSize', message: 'too big' }])),
    );
    expect(
      filter.toProblem(
        grpcError(status.INVALID_ARGUMENT, 'the page size is out of range', metadata),
        '/t',
      ),
    ).toEqual({
      type: '/problems/validation-failed',
      title: 'Bad Request',
      status: 400,
      detail: 'the page size is out of range',
      instance: '/t',
      errors: [{ field: 'pageSize', message: 'too big' }],
    });
    expect(
      filter.toProblem(grpcError(status.NOT_FOUND, 'ticket x does not exist'), '/t'),
    ).toMatchObject({
      type: '/problems/not-found',
      status: 404,
    });
  });

  it.each([
    ['VERSION_CONFLICT', status.ABORTED, 412, '/problems/version-conflict'],
    ['IDEMPOTENCY_KEY_REUSED', status.ALREADY_EXISTS, 422, '/problems/idempotency-key-reused'],
    ['INVALID_TRANSITION', status.FAILED_PRECONDITION, 409, '/problems/invalid-transition'],
  ])(
    'answers service error %s with %s → %s and its details as extension members',
    (code, grpcStatus, httpStatus, type) => {
      const metadata = new Metadata();
      metadata.set('itsm-error-code', code);
      metadata.set(
        'itsm-error-details-bin',
        Buffer.from(JSON.stringify({ currentStatus: 'new', status: 999 })),
      );
      expect(filter.toProblem(grpcError(grpcStatus, 'refused', metadata), '/t')).toMatchObject({
        type,
        status: httpStatus,
        detail: 'refused',
        currentStatus: 'new',
      });
    },
  );

  it('reveals nothing internal for failures of services or the gateway itself', () => {
    expect(
      filter.toProblem(grpcError(status.INTERNAL, 'relation "tickets" does not exist'), '/t'),
    ).toMatchObject({
      status: 500,
      detail: 'a service behind the gateway failed',
    });
    expect(
      filter.toProblem(grpcError(status.UNAVAILABLE, 'connect ECONNREFUSED 127.0.0.1:50051'), '/t'),
    ).toMatchObject({
      type: '/problems/service-unavailable',
      status: 503,
      detail: 'a service behind the gateway is unavailable; retry later',
    });
    expect(filter.toProblem(new TypeError('cannot read x of undefined'), '/t')).toMatchObject({
      type: '/problems/internal-error',
      status: 500,
      detail: 'an unexpected error occurred',
    });
  });
});

describe('gRPC status → HTTP status', () => {
  it.each([
    [status.INVALID_ARGUMENT, 400],
    [status.NOT_FOUND, 404],
    [status.FAILED_PRECONDITION, 409],
    [status.ALREADY_EXISTS, 409],
    [status.PERMISSION_DENIED, 403],
    [status.UNAUTHENTICATED, 401],
    [status.RESOURCE_EXHAUSTED, 429],
    [status.UNAVAILABLE, 503],
    [status.DEADLINE_EXCEEDED, 504],
    [status.INTERNAL, 500],
  ])('%s → %s', (grpcStatus, httpStatus) => {
    expect(httpStatusOfGrpc(grpcStatus)).toBe(httpStatus);
  });
});
