import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { VacancyView } from '@app/persistence';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiErrors } from '../common/error.response';
import { ParseId } from '../common/id.pipe';
import { IfMatchVersion } from '../common/request-header';
import { CreateVacancyDto, ListVacanciesQuery, UpdateVacancyDto } from './dto/vacancy.dto';
import { VacancyResponse } from './dto/vacancy.response';
import { VacanciesService } from './vacancies.service';

/** The version travels as an ETag, so a client can send it back as If-Match. */
function withEtag(response: Response, vacancy: VacancyView): VacancyView {
  response.setHeader('ETag', `"${vacancy.version}"`);
  return vacancy;
}

const ETAG = { ETag: { description: 'The version, quoted: `"3"`', schema: { type: 'string' } } };
const NOT_FOUND = "No such vacancy, or another provider's";

@ApiTags('vacancies')
@ApiBearerAuth()
@ApiErrors(401, 400)
@Controller('vacancies')
export class VacanciesController {
  constructor(private readonly vacancies: VacanciesService) {}

  @Post()
  @Roles('provider_user', 'admin')
  @ApiOperation({ summary: 'Offer beds in a setting from a date' })
  @ApiCreatedResponse({ type: VacancyResponse, headers: ETAG })
  async create(
    @CurrentUser() principal: Principal,
    @Body() body: CreateVacancyDto,
    @Res({ passthrough: true }) response: Response,
  ) {
    return withEtag(response, await this.vacancies.create(principal, body));
  }

  @Get()
  @ApiOperation({ summary: 'List vacancies (a provider sees its own)' })
  @ApiOkResponse({ type: [VacancyResponse], description: 'By available-from date' })
  list(@CurrentUser() principal: Principal, @Query() query: ListVacanciesQuery) {
    return this.vacancies.list(principal, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read a vacancy' })
  @ApiOkResponse({ type: VacancyResponse, headers: ETAG })
  @ApiErrors([404, NOT_FOUND])
  async get(
    @CurrentUser() principal: Principal,
    @Param('id', ParseId()) id: string,
    @Res({ passthrough: true }) response: Response,
  ) {
    return withEtag(response, await this.vacancies.get(principal, id));
  }

  @Patch(':id')
  @Roles('provider_user', 'admin')
  @ApiHeader({ name: 'If-Match', required: true, description: 'The version last read; a stale one gets 412' })
  @ApiOperation({ summary: 'Change a vacancy if nobody else has since the version given' })
  @ApiOkResponse({ type: VacancyResponse, headers: ETAG })
  @ApiErrors([404, NOT_FOUND], [409, 'The vacancy has been withdrawn'], 412)
  async update(
    @CurrentUser() principal: Principal,
    @Param('id', ParseId()) id: string,
    @IfMatchVersion() version: number,
    @Body() body: UpdateVacancyDto,
    @Res({ passthrough: true }) response: Response,
  ) {
    return withEtag(response, await this.vacancies.update(principal, id, version, body));
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @Roles('provider_user', 'admin')
  @ApiOperation({ summary: 'Confirm a vacancy is still available as listed, so it is not stale' })
  @ApiOkResponse({ type: VacancyResponse, headers: ETAG, description: 'The vacancy, confirmed now (its version unchanged)' })
  @ApiErrors([404, NOT_FOUND], [409, 'The vacancy has been withdrawn'])
  async confirm(
    @CurrentUser() principal: Principal,
    @Param('id', ParseId()) id: string,
    @Res({ passthrough: true }) response: Response,
  ) {
    return withEtag(response, await this.vacancies.confirm(principal, id));
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles('provider_user', 'admin')
  @ApiOperation({ summary: 'Withdraw a vacancy' })
  @ApiOkResponse({ type: VacancyResponse, headers: ETAG, description: 'The vacancy, withdrawn (withdrawing twice is harmless)' })
  @ApiErrors([404, NOT_FOUND])
  async withdraw(
    @CurrentUser() principal: Principal,
    @Param('id', ParseId()) id: string,
    @Res({ passthrough: true }) response: Response,
  ) {
    return withEtag(response, await this.vacancies.withdraw(principal, id));
  }
}
