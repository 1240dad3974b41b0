import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { claimsFor } from '../auth/auth.guard';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiErrors } from '../common/error.response';
import { QUEUE_DASHBOARD_COOKIE, QUEUE_DASHBOARD_ROUTE, QUEUE_SESSION_SECONDS } from './queue-session';

/**
 * A browser cannot send a bearer token when it opens a page, so an admin opening the queue
 * dashboard first asks for a cookie: short-lived, http-only (no script reads it), same-site
 * strict (no other site's page sends it) and sent only to the dashboard's path.
 */
@ApiTags('admin')
@ApiBearerAuth()
@ApiErrors(401)
@Roles('admin')
@Controller('admin/queue-session')
export class QueueSessionController {
  constructor(private readonly jwt: JwtService) {}

  @Post()
  @HttpCode(204)
  @ApiOperation({ summary: `Set a ${QUEUE_SESSION_SECONDS / 60}-minute, http-only cookie that opens ${QUEUE_DASHBOARD_ROUTE} in the browser (admins)` })
  @ApiNoContentResponse({ description: 'The cookie is set' })
  async open(@CurrentUser() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    const token = await this.jwt.signAsync(claimsFor(principal), { algorithm: 'HS256', expiresIn: QUEUE_SESSION_SECONDS });
    response.cookie(QUEUE_DASHBOARD_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: request.secure,
      path: QUEUE_DASHBOARD_ROUTE,
      maxAge: QUEUE_SESSION_SECONDS * 1000,
    });
  }
}
