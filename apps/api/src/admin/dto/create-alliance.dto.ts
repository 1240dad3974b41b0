import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsString, MaxLength, MinLength } from 'class-validator';
import { IsLocalAuthorityCode, LA_CODE } from '../../common/local-authority-code';

export class CreateAllianceDto {
  @ApiProperty({ minLength: 1, maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ type: 'array', items: LA_CODE, minItems: 1, maxItems: 153, uniqueItems: true })
  @IsArray()
  @ArrayMinSize(1, { message: 'must name at least one local authority' })
  @ArrayMaxSize(153)
  @ArrayUnique({ message: 'must not repeat a local authority' })
  @IsLocalAuthorityCode({ each: true })
  localAuthorityCodes: string[];
}
