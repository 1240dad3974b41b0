import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PROVIDER_SECTORS } from '@app/domain';
import type { ProviderSector } from '@app/domain';

export class CreateProviderDto {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @IsIn(PROVIDER_SECTORS, { message: `must be one of ${PROVIDER_SECTORS.join(', ')}` })
  sector: ProviderSector;

  @IsOptional()
  @Matches(/^[A-Z0-9]{6,16}$/i, { message: 'must be an Ofsted URN such as SC123456' })
  ofstedUrn?: string;
}
