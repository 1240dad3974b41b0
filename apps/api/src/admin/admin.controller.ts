import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ParseId } from '../common/id.pipe';
import { ApiErrors } from '../common/error.response';
import { AdminService } from './admin.service';
import { AllianceResponse, CreatedProviderResponse } from './dto/admin.response';
import { CreateAllianceDto } from './dto/create-alliance.dto';
import { CreateProviderDto } from './dto/create-provider.dto';
import { CreateUserDto } from './dto/create-user.dto';
import { CreatedUserResponse } from './dto/created-user.response';
import { AdminUserResponse, ListUsersQuery, UpdatedUserResponse, UpdateUserDto, UserPageResponse } from './dto/users.dto';

@ApiTags('admin')
@ApiBearerAuth()
@ApiErrors(401)
@Roles('admin')
@Controller()
export class AdminController {
  constructor(private readonly admin: AdminService) {}

  @Post('admin/users')
  @ApiOperation({ summary: 'Create a user bound to the organisation its role needs, with a display name and work phone if given' })
  @ApiCreatedResponse({ type: CreatedUserResponse })
  @ApiErrors(400, [409, 'A user with this email already exists'])
  createUser(@Body() body: CreateUserDto) {
    return this.admin.createUser(body);
  }

  @Get('admin/users')
  @ApiOperation({ summary: 'List users by email, filtered by role and by part of the email or display name' })
  @ApiOkResponse({ type: UserPageResponse })
  @ApiErrors(400, 403)
  listUsers(@Query() query: ListUsersQuery) {
    return this.admin.listUsers(query);
  }

  @Get('admin/users/:id')
  @ApiOperation({ summary: 'One user as the list shows it: its organisation, whether it is disabled and must change its password' })
  @ApiOkResponse({ type: AdminUserResponse })
  @ApiErrors(400, 403, 404)
  getUser(@Param('id', ParseId()) id: string) {
    return this.admin.getUser(id);
  }

  @Patch('admin/users/:id')
  @ApiOperation({ summary: "Disable or enable a user (its tokens fail at once), or reset its password to a temporary one answered once" })
  @ApiOkResponse({ type: UpdatedUserResponse })
  @ApiErrors(400, 403, 404)
  updateUser(@CurrentUser() admin: Principal, @Param('id', ParseId()) id: string, @Body() body: UpdateUserDto) {
    return this.admin.updateUser(admin, id, body);
  }

  @Post('alliances')
  @ApiOperation({ summary: 'Create an alliance of local authorities' })
  @ApiCreatedResponse({ type: AllianceResponse })
  @ApiErrors(400, [409, 'An alliance with this name already exists'])
  createAlliance(@Body() body: CreateAllianceDto) {
    return this.admin.createAlliance(body);
  }

  @Post('providers')
  @ApiOperation({ summary: 'Register a provider' })
  @ApiCreatedResponse({ type: CreatedProviderResponse })
  @ApiErrors(400)
  createProvider(@Body() body: CreateProviderDto) {
    return this.admin.createProvider(body);
  }
}
