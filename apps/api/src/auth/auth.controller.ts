import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public } from './auth.decorators';
import { AuthService } from './auth.service';
import { ApiErrors } from '../common/error.response';
import { AuthUserResponse, LoginResponse } from './dto/auth-user.response';
import { ChangePasswordDto } from './dto/change-password.dto';
import { LoginDto } from './dto/login.dto';
import { LoginThrottlerGuard } from './login-throttle';
import type { Principal } from './principal';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @UseGuards(LoginThrottlerGuard)
  @ApiOperation({ summary: 'Exchange email and password for a bearer token' })
  @ApiOkResponse({ type: LoginResponse })
  @ApiErrors(400, [401, 'The email or the password is wrong'], [
    429,
    'Too many sign-in attempts from this address, or for this account from any address; `Retry-After` says how many seconds to wait',
  ])
  login(@Body() body: LoginDto): Promise<LoginResponse> {
    return this.auth.login(body.email, body.password);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: "The signed-in user, as the login answer's user" })
  @ApiOkResponse({ type: AuthUserResponse })
  @ApiErrors(401)
  me(@CurrentUser() principal: Principal): Promise<AuthUserResponse> {
    return this.auth.me(principal);
  }

  @Post('password')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: "Change the signed-in user's password; clears mustChangePassword" })
  @ApiNoContentResponse({ description: 'Changed' })
  @ApiErrors(400, 401)
  changePassword(@CurrentUser() principal: Principal, @Body() body: ChangePasswordDto): Promise<void> {
    return this.auth.changePassword(principal, body.currentPassword, body.newPassword);
  }
}
