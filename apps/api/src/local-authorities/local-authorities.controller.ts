import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OrganisationRepository } from '@app/persistence';

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('local-authorities')
export class LocalAuthoritiesController {
  constructor(private readonly organisations: OrganisationRepository) {}

  @Get()
  @ApiOperation({ summary: "Every English local authority with children's services duties" })
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
