import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUrl, MaxLength, MinLength } from 'class-validator';

export class WebhookDto {
  @ApiProperty({
    format: 'uri',
    maxLength: 2_000,
    description:
      'Where emergency alerts are POSTed: an https URL on a public address (plain http and private addresses only where the deployment allows them).',
  })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'must be an http or https URL' })
  @MaxLength(2_000)
  url: string;

  @ApiProperty({ minLength: 16, maxLength: 200, description: 'The key of the `X-Signature: sha256=<hex HMAC>` header. Never returned.' })
  @IsString()
  @MinLength(16, { message: 'must be at least 16 characters' })
  @MaxLength(200)
  secret: string;
}
