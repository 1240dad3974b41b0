import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/error.response';
import { LocalAuthorityResponse } from './dto/local-authority.response';
import { LocalAuthoritiesService } from './local-authorities.service';

@ApiTags('reference data')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('local-authorities')
export class LocalAuthoritiesController {
  constructor(private readonly localAuthorities: LocalAuthoritiesService) {}

  @Get()
  @ApiOperation({ summary: "Every English local authority with children's services duties" })
  @ApiOkResponse({ type: [LocalAuthorityResponse], description: 'By name' })
  list() {
    return this.localAuthorities.list();
  }
}
