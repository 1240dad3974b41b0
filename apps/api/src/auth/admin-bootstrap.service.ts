import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Environment } from '@app/config';
import { UserRepository } from '@app/persistence';
import { PasswordHasher } from './password-hasher';

/** Creates the first admin from ADMIN_EMAIL/ADMIN_PASSWORD when both are set and no such user exists. */
@Injectable()
export class AdminBootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminBootstrapService.name);

  constructor(
    private readonly env: Environment,
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { ADMIN_EMAIL: email, ADMIN_PASSWORD: password } = this.env;
    if (!email || !password) return;
    if (await this.users.findByEmail(email)) return;
    const created = await this.users.createIfAbsent({
      email,
      passwordHash: await this.hasher.hash(password),
      role: 'admin',
    });
    if (created) this.logger.log('Created the admin user named by ADMIN_EMAIL');
  }
}
