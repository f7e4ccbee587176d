import { ApiProperty } from '@nestjs/swagger';
import {
  INTEGRATION_SCOPES,
  type IntegrationScope,
  PERMISSIONS,
  type Permission,
  ROLES,
  type Role,
} from '@itsm/auth';
import { LANGUAGES, type Language } from '../../domain/user';
import { OrganizationDto } from './organization.dto';

/** The caller as the gateway knows them: a signed-in person or an integration's API key. */
export class MeDto {
  @ApiProperty({ enum: ['user', 'service_account'] })
  kind!: 'user' | 'service_account';

  @ApiProperty({ description: 'The user’s or the service account’s id.' })
  id!: string;

  @ApiProperty({ example: 'Мария Иванова' })
  name!: string;

  @ApiProperty({ nullable: true, type: String, description: 'Null for service accounts.' })
  email!: string | null;

  @ApiProperty({ enum: ROLES, isArray: true })
  roles!: Role[];

  @ApiProperty({ enum: INTEGRATION_SCOPES, isArray: true, description: 'An API key’s scopes.' })
  scopes!: IntegrationScope[];

  @ApiProperty({
    enum: PERMISSIONS,
    isArray: true,
    description: 'What the roles and scopes allow.',
  })
  permissions!: Permission[];

  @ApiProperty({ type: OrganizationDto, nullable: true })
  organization!: OrganizationDto | null;

  @ApiProperty()
  organizationWide!: boolean;

  @ApiProperty({ type: [String], description: 'Support groups the person works in.' })
  groupIds!: string[];

  @ApiProperty({ enum: LANGUAGES, nullable: true })
  language!: Language | null;

  @ApiProperty({ nullable: true, type: String, example: 'Europe/Moscow' })
  timeZone!: string | null;
}
