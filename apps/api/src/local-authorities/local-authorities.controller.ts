import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OrganisationRepository } from '@app/persistence';
import { ApiErrors } from '../common/error.response';
import { LocalAuthorityResponse } from './dto/local-authority.response';

@ApiTags('reference data')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('local-authorities')
export class LocalAuthoritiesController {
  constructor(private readonly organisations: OrganisationRepository) {}

  @Get()
  @ApiOperation({ summary: "Every English local authority with children's services duties" })
  @ApiOkResponse({ type: [LocalAuthorityResponse], description: 'By name' })
  async list() {
    const authorities = await this.organisations.listLocalAuthorities();
    return authorities.map(({ code, dfeCode, name, region, latitude, longitude }) => ({
      code,
      dfeCode,
      name,
      region,
      latitude,
      longitude,
    }));
  }
}
