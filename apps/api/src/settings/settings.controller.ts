import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ParseId } from '../common/id.pipe';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { ApiErrors } from '../common/error.response';
import type { Principal } from '../auth/principal';
import { CreateSettingDto, ListSettingsQuery, UpdateSettingDto } from './dto/setting.dto';
import { SettingResponse } from './dto/setting.response';
import { SettingsService } from './settings.service';

const NOT_FOUND = "No such setting, or another provider's";

@ApiTags('settings')
@ApiBearerAuth()
@ApiErrors(401, 400)
@Controller('settings')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Post()
  @Roles('provider_user', 'admin')
  @ApiOperation({ summary: "Register a setting of the caller's provider" })
  @ApiCreatedResponse({ type: SettingResponse })
  @ApiErrors([403, "The provider named is not the caller's"])
  create(@CurrentUser() principal: Principal, @Body() body: CreateSettingDto) {
    return this.settings.create(principal, body);
  }

  @Get()
  @ApiOperation({ summary: 'List settings (a provider sees its own)' })
  @ApiOkResponse({ type: [SettingResponse] })
  list(@CurrentUser() principal: Principal, @Query() query: ListSettingsQuery) {
    return this.settings.list(principal, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read a setting (outside its provider, the postcode is cut to the district)' })
  @ApiOkResponse({ type: SettingResponse })
  @ApiErrors([404, NOT_FOUND])
  get(@CurrentUser() principal: Principal, @Param('id', ParseId()) id: string) {
    return this.settings.get(principal, id);
  }

  @Patch(':id')
  @Roles('provider_user', 'admin')
  @ApiOperation({ summary: 'Change a setting' })
  @ApiOkResponse({ type: SettingResponse })
  @ApiErrors([404, NOT_FOUND])
  update(
    @CurrentUser() principal: Principal,
    @Param('id', ParseId()) id: string,
    @Body() body: UpdateSettingDto,
  ) {
    return this.settings.update(principal, id, body);
  }
}
