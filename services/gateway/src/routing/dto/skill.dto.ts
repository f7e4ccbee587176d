import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

/** Most skills an agent has or a category needs. */
export const MAX_SKILLS = 100;

/** A skill and its level, in agents' profiles and categories' requirements. */
export class SkillLevelDto {
  @ApiProperty({
    minLength: 1,
    maxLength: 50,
    example: 'network',
    description: 'Lower case, e.g. `network`, `1c`; one entry per skill.',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  name!: string;

  @ApiProperty({
    minimum: 1,
    maximum: 5,
    example: 3,
    description: '1 (basic) to 5 (expert). For a category: the least level needed.',
  })
  @IsInt()
  @Min(1)
  @Max(5)
  level!: number;
}
