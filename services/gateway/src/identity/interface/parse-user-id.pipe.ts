import { Injectable, type PipeTransform } from '@nestjs/common';
import { ValidationException } from '../../problem/validation.exception';
import { isUserId, USER_ID_RULE } from '../domain/user';

/** A user id in a path: a UUID or an id a directory import kept (see `USER_ID_PATTERN`). */
@Injectable()
export class ParseUserIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isUserId(value))
      throw new ValidationException([{ field: 'id', message: `id must be ${USER_ID_RULE}` }]);
    return value;
  }
}
