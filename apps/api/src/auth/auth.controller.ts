import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { Public } from './auth.decorators';
import { AuthService, LoginResult } from './auth.service';
import { ApiErrors } from '../common/error.response';
import { LoginDto } from './dto/login.dto';
import { LoginResponse } from './dto/login.response';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @ApiOperation({ summary: 'Exchange email and password for a bearer token' })
  @ApiOkResponse({ type: LoginResponse })
  @ApiErrors(400, [401, 'The email or the password is wrong'], [429, 'Too many attempts from this address; wait a minute'])
  login(@Body() body: LoginDto): Promise<LoginResult> {
    return this.auth.login(body.email, body.password);
  }
}
