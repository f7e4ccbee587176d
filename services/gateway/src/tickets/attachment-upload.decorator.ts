import {
  applyDecorators,
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  PayloadTooLargeException,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import { catchError, type Observable, throwError } from 'rxjs';
import {
  ADD_ATTACHMENT_BODY_SCHEMA,
  ATTACHMENT_FILE_FIELD,
  ATTACHMENT_MAX_BYTES,
} from './dto/attachment.dto';

export const FILE_TOO_LARGE = `the file is larger than ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MiB`;

/**
 * multer reads one `file` part and stops at the service's own limit (it refuses the first
 * byte past it), so a larger file is never read whole nor sent on. Without `storage` or
 * `dest` multer keeps the file in memory, which the service call needs anyway: the content
 * travels in one gRPC message. `defParamCharset: 'utf8'` reads a file name sent as raw UTF-8
 * (browsers, curl) as UTF-8 rather than Latin-1, and still honours `filename*=UTF-8''…`.
 */
const ReadOneFile = FileInterceptor(ATTACHMENT_FILE_FIELD, {
  limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1 },
  defParamCharset: 'utf8',
});

/** multer says only "File too large"; the client is told the limit. */
@Injectable()
export class FileTooLargeInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next
      .handle()
      .pipe(
        catchError((error: unknown) =>
          throwError(() =>
            error instanceof PayloadTooLargeException
              ? new PayloadTooLargeException(FILE_TOO_LARGE)
              : error,
          ),
        ),
      );
  }
}

/** A multipart upload of one attachment: the `file` part and the optional `uploadedBy` field. */
export function UploadAttachment(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    // The first wraps the second, so it sees multer's refusal.
    UseInterceptors(FileTooLargeInterceptor, ReadOneFile),
    ApiConsumes('multipart/form-data'),
    ApiBody({ schema: ADD_ATTACHMENT_BODY_SCHEMA }),
  );
}
