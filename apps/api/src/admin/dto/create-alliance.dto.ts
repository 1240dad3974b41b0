import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsString, MaxLength, MinLength } from 'class-validator';
import { IsLocalAuthorityCode } from '../../common/local-authority-code';

export class CreateAllianceDto {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @IsArray()
  @ArrayMinSize(1, { message: 'must name at least one local authority' })
  @ArrayMaxSize(153)
  @ArrayUnique({ message: 'must not repeat a local authority' })
  @IsLocalAuthorityCode({ each: true })
  localAuthorityCodes: string[];
}
