import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

/** The acting user, as every module takes it until sign-in lands: a required `actorId`. */
export function ActorId(description = 'Who acts (until sign-in lands, given by the caller).') {
  return applyDecorators(
    ApiProperty({ minLength: 1, maxLength: 200, example: 'agent-17', description }),
    IsString(),
    MinLength(1),
    MaxLength(200),
  );
}
