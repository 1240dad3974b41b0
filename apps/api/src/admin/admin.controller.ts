import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { ApiErrors } from '../common/error.response';
import { AdminService } from './admin.service';
import { AllianceResponse, CreatedProviderResponse } from './dto/admin.response';
import { CreateAllianceDto } from './dto/create-alliance.dto';
import { CreateProviderDto } from './dto/create-provider.dto';
import { CreateUserDto } from './dto/create-user.dto';
import { CreatedUserResponse } from './dto/created-user.response';

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
