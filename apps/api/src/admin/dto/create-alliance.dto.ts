import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsString, MaxLength, MinLength } from 'class-validator';
import { IsLocalAuthorityCode, LA_CODE, LOCAL_AUTHORITY_COUNT } from '../../common/local-authority-code';

/** An alliance's name, as created and as changed. */
export const AllianceName = (required = true) =>
  applyDecorators(ApiProperty({ minLength: 1, maxLength: 200, required }), IsString(), MinLength(1), MaxLength(200));

/** An alliance's member LAs, as created and as changed: at least one, none twice. */
export const AllianceMembers = (required = true) =>
  applyDecorators(
    ApiProperty({ type: 'array', items: LA_CODE, minItems: 1, maxItems: LOCAL_AUTHORITY_COUNT, uniqueItems: true, required }),
    IsArray(),
    ArrayMinSize(1, { message: 'must name at least one local authority' }),
    ArrayMaxSize(LOCAL_AUTHORITY_COUNT),
    ArrayUnique({ message: 'must not repeat a local authority' }),
    IsLocalAuthorityCode({ each: true }),
  );

export class CreateAllianceDto {
  @AllianceName()
  name: string;

  @AllianceMembers()
  localAuthorityCodes: string[];
}
