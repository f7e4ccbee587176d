import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { IsObject } from 'class-validator';
import { ClaimedActor } from '../../auth/actor';
import { IMPACTS, PRIORITIES, URGENCIES } from '../../tickets/dto/ticket-enums';

const MATRIX_SCHEMA: ApiPropertyOptions = {
  type: 'object',
  additionalProperties: false,
  description: 'impact → urgency → priority, all nine cells.',
  properties: Object.fromEntries(
    IMPACTS.map((impact) => [
      impact,
      {
        type: 'object' as const,
        properties: Object.fromEntries(
          URGENCIES.map((urgency) => [urgency, { type: 'string' as const, enum: [...PRIORITIES] }]),
        ),
      },
    ]),
  ),
  example: {
    high: { high: 'critical', medium: 'high', low: 'medium' },
    medium: { high: 'high', medium: 'medium', low: 'low' },
    low: { high: 'medium', medium: 'low', low: 'planning' },
  },
};

export type MatrixBody = Record<string, Record<string, string>>;

export class PriorityMatrixDto {
  @ApiProperty(MATRIX_SCHEMA)
  matrix!: MatrixBody;

  @ApiProperty({ example: 3 })
  version!: number;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({ example: 'admin-1' })
  updatedBy!: string;
}

export class UpdatePriorityMatrixDto {
  @ApiProperty(MATRIX_SCHEMA)
  @IsObject()
  matrix!: MatrixBody;

  @ClaimedActor({ who: 'Who changes it.', example: 'admin-1' })
  actorId?: string;
}
