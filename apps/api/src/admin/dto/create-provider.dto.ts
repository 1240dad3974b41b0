import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PROVIDER_SECTORS } from '@app/domain';
import type { ProviderSector } from '@app/domain';
import { PROVIDER_SECTOR } from '../../common/api-enums';
import { IsOfstedUrn, OFSTED_URN } from '../../common/ofsted-urn';

export class CreateProviderDto {
  @ApiProperty({ minLength: 1, maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ ...PROVIDER_SECTOR })
  @IsIn(PROVIDER_SECTORS, { message: `must be one of ${PROVIDER_SECTORS.join(', ')}` })
  sector: ProviderSector;

  @ApiPropertyOptional({ ...OFSTED_URN })
  @IsOptional()
  @IsOfstedUrn()
  ofstedUrn?: string;
}
