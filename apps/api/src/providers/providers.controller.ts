import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/error.response';
import { ParseId } from '../common/id.pipe';
import { ProviderResponse } from './dto/provider.response';
import { ProvidersService } from './providers.service';

@ApiTags('providers')
@ApiBearerAuth()
@ApiErrors(401, 400)
@Controller('providers')
export class ProvidersController {
  constructor(private readonly providers: ProvidersService) {}

  @Get(':id')
  @ApiOperation({ summary: 'A provider: its name, sector and Ofsted URN (any signed-in role)' })
  @ApiOkResponse({ type: ProviderResponse })
  @ApiErrors([404, 'No such provider'])
  get(@Param('id', ParseId()) id: string): Promise<ProviderResponse> {
    return this.providers.get(id);
  }
}
