import { applyDecorators } from '@nestjs/common';
import {
  ApiProperty,
  ApiPropertyOptional,
  IntersectionType,
  OmitType,
  PickType,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ListTicketsQueryDto } from '../../tickets/dto/list-tickets.query.dto';

export const VIEW_NAME_MAX_LENGTH = 100;

/**
 * The filters and order of a view: exactly the query parameters of `GET /api/v1/tickets`
 * without the page, so a view is a list query a client can also run by hand.
 */
export class TicketFiltersDto extends OmitType(ListTicketsQueryDto, ['limit', 'cursor'] as const) {}

const OWNER_ID = {
  minLength: 1,
  maxLength: 200,
  example: 'agent-17',
} as const;

/** An owner id as every view endpoint takes it (until sign-in lands, given by the caller). */
function IsOwnerId(): PropertyDecorator {
  return applyDecorators(IsString(), MinLength(OWNER_ID.minLength), MaxLength(OWNER_ID.maxLength));
}

export class ViewDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: OWNER_ID.example, description: 'The agent who keeps the view.' })
  ownerId!: string;

  @ApiProperty({ example: 'Сеть: новые VIP' })
  name!: string;

  @ApiProperty({ description: 'Shown to every agent, not only to its owner.' })
  shared!: boolean;

  @ApiProperty({
    type: TicketFiltersDto,
    example: { status: 'new', tag: ['vpn', 'vip'], sort: '-priority' },
    description: 'Only the filters the view sets; an empty object lists every ticket.',
  })
  filters!: TicketFiltersDto;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({ example: 1, description: 'Also sent as the ETag; send it back as If-Match.' })
  version!: number;
}

export class ViewListDto {
  @ApiProperty({ type: [ViewDto] })
  items!: ViewDto[];
}

/** What a client names and filters; create and replace share it. */
class ViewContentDto {
  @ApiProperty({
    ...OWNER_ID,
    description:
      'The agent who keeps the view (until sign-in lands, given by the caller); only they change or delete it.',
  })
  @IsOwnerId()
  ownerId!: string;

  @ApiProperty({ minLength: 1, maxLength: VIEW_NAME_MAX_LENGTH, example: 'Сеть: новые VIP' })
  @IsString()
  @MinLength(1)
  @MaxLength(VIEW_NAME_MAX_LENGTH)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;

  @ApiProperty({
    type: TicketFiltersDto,
    example: { status: 'new', tag: ['vpn', 'vip'], sort: '-priority' },
    description:
      'The list query parameters of `GET /api/v1/tickets` without `limit` and `cursor`; `{}` lists every ticket.',
  })
  @IsObject()
  @ValidateNested()
  @Type(() => TicketFiltersDto)
  filters!: TicketFiltersDto;
}

export class CreateViewDto extends ViewContentDto {
  @ApiPropertyOptional({
    default: false,
    description: 'Show the view to every agent, not only to its owner.',
  })
  @IsOptional()
  @IsBoolean()
  shared?: boolean;
}

/** A view replaced as a whole: every field is given. */
export class UpdateViewDto extends ViewContentDto {
  @ApiProperty({ description: 'Show the view to every agent, not only to its owner.' })
  @IsBoolean()
  shared!: boolean;
}

export class ViewOwnerQueryDto {
  @ApiProperty({
    ...OWNER_ID,
    description: 'The agent asking (until sign-in lands, given by the caller).',
  })
  @IsOwnerId()
  ownerId!: string;
}

/** A page of the tickets a view lists, for the agent asking. */
export class ViewTicketsQueryDto extends IntersectionType(
  PickType(ListTicketsQueryDto, ['limit', 'cursor'] as const),
  ViewOwnerQueryDto,
) {}
