import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuditActor } from '@app/persistence';
import { Actor } from '../audit/audit-actor';
import { Roles } from '../auth/auth.decorators';
import { ApiErrors } from '../common/error.response';
import { ParseId } from '../common/id.pipe';
import { ListProvidersQuery, ProviderListItemResponse, ProviderPageResponse, UpdateProviderDto } from './dto/provider-admin.dto';
import { ProviderResponse } from './dto/provider.response';
import { ProvidersService } from './providers.service';

@ApiTags('providers')
@ApiBearerAuth()
@ApiErrors(401, 400)
@Controller('providers')
export class ProvidersController {
  constructor(private readonly providers: ProvidersService) {}

  @Get()
  @Roles('admin', 'commissioner')
  @ApiOperation({ summary: 'Providers by name, searchable by name or Ofsted URN, with their URNs and how many settings each has' })
  @ApiOkResponse({ type: ProviderPageResponse })
  list(@Query() query: ListProvidersQuery): Promise<ProviderPageResponse> {
    return this.providers.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A provider: its name, sector and Ofsted URN (any signed-in role)' })
  @ApiOkResponse({ type: ProviderResponse })
  @ApiErrors([404, 'No such provider'])
  get(@Param('id', ParseId()) id: string): Promise<ProviderResponse> {
    return this.providers.get(id);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({
    summary:
      "Rename a provider and/or link its Ofsted URN, which must be on Ofsted's register and held by no other provider or another provider's setting (recorded in the audit trail)",
  })
  @ApiOkResponse({ type: ProviderListItemResponse })
  @ApiErrors([404, 'No such provider'], [409, 'Another provider already holds this Ofsted URN'])
  update(@Actor() actor: AuditActor, @Param('id', ParseId()) id: string, @Body() body: UpdateProviderDto): Promise<ProviderListItemResponse> {
    return this.providers.update(actor, id, body);
  }
}
