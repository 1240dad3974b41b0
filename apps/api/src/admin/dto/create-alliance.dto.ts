import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class CreateAllianceDto {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @IsArray()
  @ArrayMinSize(1, { message: 'must name at least one local authority' })
  @ArrayMaxSize(153)
  @ArrayUnique({ message: 'must not repeat a local authority' })
  @Matches(/^E\d{8}$/, { each: true, message: 'must be LA GSS codes such as E09000009' })
  localAuthorityCodes: string[];
}
