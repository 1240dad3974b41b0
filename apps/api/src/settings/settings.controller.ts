import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ParseId } from '../common/id.pipe';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { CreateSettingDto, ListSettingsQuery, UpdateSettingDto } from './dto/setting.dto';
import { SettingsService } from './settings.service';

@ApiTags('settings')
@ApiBearerAuth()
@Controller('settings')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Post()
  @Roles('provider_user', 'admin')
  @ApiOperation({ summary: "Register a setting of the caller's provider" })
  create(@CurrentUser() principal: Principal, @Body() body: CreateSettingDto) {
    return this.settings.create(principal, body);
  }

  @Get()
  @ApiOperation({ summary: 'List settings (a provider sees its own)' })
  list(@CurrentUser() principal: Principal, @Query() query: ListSettingsQuery) {
    return this.settings.list(principal, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read a setting (outside its provider, the postcode is cut to the district)' })
  get(@CurrentUser() principal: Principal, @Param('id', ParseId()) id: string) {
    return this.settings.get(principal, id);
  }

  @Patch(':id')
  @Roles('provider_user', 'admin')
  @ApiOperation({ summary: 'Change a setting' })
  update(
    @CurrentUser() principal: Principal,
    @Param('id', ParseId()) id: string,
    @Body() body: UpdateSettingDto,
  ) {
    return this.settings.update(principal, id, body);
  }
}
