import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { ROLES, type Role } from '@itsm/auth';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../domain/password-policy';
import {
  DISPLAY_NAME_MAX_LENGTH,
  EMAIL_MAX_LENGTH,
  LANGUAGES,
  type Language,
  USER_ID_MAX_LENGTH,
  USER_ID_PATTERN,
  USER_ID_RULE,
  USER_STATUSES,
  type UserStatus,
} from '../../domain/user';

const USER_ID_DESCRIPTION = `A UUID, or the id a directory import kept: ${USER_ID_RULE}.`;

export class UserDto {
  @ApiProperty({
    example: '0193a8f2-6c1e-7cc4-9d2b-3f5e8a1b2c4d',
    description: USER_ID_DESCRIPTION,
  })
  id!: string;

  @ApiProperty({ example: 'maria.ivanova@example.com' })
  email!: string;

  @ApiProperty({ example: 'Мария Иванова' })
  displayName!: string;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['agent'] })
  roles!: Role[];

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  organizationId!: string | null;

  @ApiProperty({ description: 'Follows every ticket of their organisation, not only their own.' })
  organizationWide!: boolean;

  @ApiProperty({ enum: LANGUAGES })
  language!: Language;

  @ApiProperty({ example: 'Europe/Moscow' })
  timeZone!: string;

  @ApiProperty({ enum: USER_STATUSES })
  status!: UserStatus;

  @ApiProperty({ description: 'Signs in with a password (else through an identity provider).' })
  hasPassword!: boolean;

  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'Set while sign-in is blocked after repeated failures.',
  })
  lockedUntil!: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  lastSignInAt!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({ example: 1, description: 'Also sent as the ETag; send it back as If-Match.' })
  version!: number;
}

export class UserPageDto {
  @ApiProperty({ type: [UserDto] })
  items!: UserDto[];

  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page.' })
  nextCursor!: string | null;
}

export class ListUsersQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 25 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({ enum: USER_STATUSES })
  @IsOptional()
  @IsIn(USER_STATUSES)
  status?: UserStatus;

  @ApiPropertyOptional({ maxLength: 200, description: 'Part of the name or email, any case.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  query?: string;
}

function IsRoleList(): PropertyDecorator {
  return applyDecorators(
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(ROLES.length),
    ArrayUnique(),
    IsIn(ROLES, { each: true }),
  );
}

const ROLES_DESCRIPTION =
  'requester and staff up to supervisor need identity.users.manage; service_desk_manager and ' +
  'administrator (given or taken) need identity.roles.assign.';

export class CreateUserDto {
  @ApiPropertyOptional({
    example: 'emp-1001',
    maxLength: USER_ID_MAX_LENGTH,
    pattern: USER_ID_PATTERN.source,
    description:
      'The id other systems already reference the person by (a directory import); unique, ' +
      'taken is 409. Absent: a new UUID.',
  })
  @IsOptional()
  @IsString()
  @Matches(USER_ID_PATTERN, { message: `id must be ${USER_ID_RULE}` })
  id?: string;

  @ApiProperty({ example: 'maria.ivanova@example.com', maxLength: EMAIL_MAX_LENGTH })
  @IsEmail()
  @MaxLength(EMAIL_MAX_LENGTH)
  email!: string;

  @ApiProperty({ example: 'Мария Иванова', maxLength: DISPLAY_NAME_MAX_LENGTH })
  @IsString()
  @MinLength(1)
  @MaxLength(DISPLAY_NAME_MAX_LENGTH)
  @Matches(/\S/, { message: 'displayName must not be blank' })
  displayName!: string;

  @ApiPropertyOptional({
    format: 'password',
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    description: 'Leave out for people who sign in through an identity provider only.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password?: string;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['agent'], description: ROLES_DESCRIPTION })
  @IsRoleList()
  roles!: Role[];

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @IsUUID()
  organizationId?: string | null;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  organizationWide?: boolean;

  @ApiPropertyOptional({ enum: LANGUAGES, default: 'en' })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;

  @ApiPropertyOptional({ example: 'Europe/Moscow', default: 'UTC', description: 'IANA time zone.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timeZone?: string;
}

/** Only the fields sent change; `organizationId: null` takes the user out of their organisation. */
export class UpdateUserDto {
  @ApiPropertyOptional({ maxLength: DISPLAY_NAME_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(DISPLAY_NAME_MAX_LENGTH)
  @Matches(/\S/, { message: 'displayName must not be blank' })
  displayName?: string;

  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;

  @ApiPropertyOptional({ example: 'Europe/Moscow' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timeZone?: string;

  @ApiPropertyOptional({
    enum: USER_STATUSES,
    description: 'Disabling ends every session of the user at once.',
  })
  @IsOptional()
  @IsIn(USER_STATUSES)
  status?: UserStatus;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @ValidateIf((_object, value) => value !== null && value !== undefined)
  @IsUUID()
  organizationId?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  organizationWide?: boolean;
}

export class SetUserRolesDto {
  @ApiProperty({ enum: ROLES, isArray: true, example: ['agent'], description: ROLES_DESCRIPTION })
  @IsRoleList()
  roles!: Role[];
}

export class ChangePasswordDto {
  @ApiProperty({ format: 'password' })
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  currentPassword!: string;

  @ApiProperty({
    format: 'password',
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    description: 'At least 12 characters, not the email address. Other sessions end.',
  })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  newPassword!: string;
}
