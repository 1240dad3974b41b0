import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { TIMESTAMP } from '../../common/api-formats';
import { IsOfstedUrn, OFSTED_URN } from '../../common/ofsted-urn';
import { IsOmittable } from '../../common/optional';
import { ListQuery } from '../../common/page.query';
import { ProviderResponse } from './provider.response';

export class ListProvidersQuery extends ListQuery {
  @ApiPropertyOptional({ description: 'Part of the name (any case), or the start of an Ofsted URN the provider or one of its settings holds', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
}

/** A provider as the platform's admins list it. */
export class ProviderListItemResponse extends ProviderResponse {
  @ApiProperty({
    type: 'array',
    items: { type: 'string', example: 'SC123456' },
    description: 'Every Ofsted URN linked: the provider’s own and those its settings are registered under, sorted',
  })
  ofstedUrns: string[];

  @ApiProperty({ type: 'integer', description: 'How many settings (homes, foster households, schools) it has' })
  settingCount: number;

  @ApiProperty(TIMESTAMP)
  createdAt: string;
}

export class ProviderPageResponse {
  @ApiProperty({ type: [ProviderListItemResponse], description: 'By name' })
  items: ProviderListItemResponse[];

  @ApiProperty({ type: 'integer' })
  total: number;
}

/** What an admin may change of a provider; what is left out stays as it is. */
export class UpdateProviderDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @IsOmittable()
  @IsString()
  @Matches(/\S/, { message: 'must not be blank' })
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({
    ...OFSTED_URN,
    nullable: true,
    description:
      "Links the provider to its registration on Ofsted's register of children's social care providers (an agency's own URN); null removes the link",
  })
  @IsOptional()
  @IsOfstedUrn()
  ofstedUrn?: string | null;
}
