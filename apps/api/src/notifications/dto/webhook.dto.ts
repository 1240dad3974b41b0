import { IsString, IsUrl, MaxLength, MinLength } from 'class-validator';

export class WebhookDto {
  /** Where emergency alerts are POSTed: an http(s) URL. */
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'must be an http or https URL' })
  @MaxLength(2_000)
  url: string;

  /** The key of the `X-Signature: sha256=<hex HMAC>` header; at least 16 characters. Never returned. */
  @IsString()
  @MinLength(16, { message: 'must be at least 16 characters' })
  @MaxLength(200)
  secret: string;
}
