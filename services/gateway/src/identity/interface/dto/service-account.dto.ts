import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { INTEGRATION_SCOPES, type IntegrationScope } from '@itsm/auth';
import { ISO_INSTANT } from './instant';
import {
  SERVICE_ACCOUNT_DESCRIPTION_MAX_LENGTH,
  SERVICE_ACCOUNT_NAME_MAX_LENGTH,
} from '../../domain/service-account';

export class ServiceAccountDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'mail-gateway' })
  name!: string;

  @ApiProperty({ example: 'Files tickets from support@ mail' })
  description!: string;

  @ApiProperty()
  disabled!: boolean;

  @ApiProperty({ description: 'The user or service account that created it.' })
  createdBy!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class ServiceAccountListDto {
  @ApiProperty({ type: [ServiceAccountDto] })
  items!: ServiceAccountDto[];
}

export class CreateServiceAccountDto {
  @ApiProperty({ example: 'mail-gateway', maxLength: SERVICE_ACCOUNT_NAME_MAX_LENGTH })
  @IsString()
  @MinLength(1)
  @MaxLength(SERVICE_ACCOUNT_NAME_MAX_LENGTH)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;

  @ApiPropertyOptional({ maxLength: SERVICE_ACCOUNT_DESCRIPTION_MAX_LENGTH, default: '' })
  @IsOptional()
  @IsString()
  @MaxLength(SERVICE_ACCOUNT_DESCRIPTION_MAX_LENGTH)
  description?: string;
}

export class ApiKeyDto {
  @ApiProperty({ example: '3f9a1c0b7d2e4a65', description: 'Also the visible part of the key.' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  serviceAccountId!: string;

  @ApiProperty({ example: 'production' })
  name!: string;

  @ApiProperty({ enum: INTEGRATION_SCOPES, isArray: true })
  scopes!: IntegrationScope[];

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  expiresAt!: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  revokedAt!: string | null;

  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'Recorded at most once a minute.',
  })
  lastUsedAt!: string | null;

  @ApiProperty()
  createdBy!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class ApiKeyListDto {
  @ApiProperty({ type: [ApiKeyDto] })
  items!: ApiKeyDto[];
}

export class CreatedApiKeyDto extends ApiKeyDto {
  @ApiProperty({
    example: 'itsm_3f9a1c0b7d2e4a65_Vb0c…',
    description:
      'The key, shown this once: send it as `Authorization: ApiKey …` or `X-API-Key`. Only its digest is kept.',
  })
  key!: string;
}

export class CreateApiKeyDto {
  @ApiProperty({ example: 'production', maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;

  @ApiProperty({ enum: INTEGRATION_SCOPES, isArray: true, example: ['tickets:read'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(INTEGRATION_SCOPES.length)
  @ArrayUnique()
  @IsIn(INTEGRATION_SCOPES, { each: true })
  scopes!: IntegrationScope[];

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Leave out for a key that does not expire.',
  })
  @IsOptional()
  @IsISO8601(ISO_INSTANT)
  expiresAt?: string;
}
