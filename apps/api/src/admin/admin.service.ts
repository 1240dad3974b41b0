import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError, DomainErrorCode, FieldProblem } from '@app/domain';
import { DuplicateEmailError, DuplicateNameError, OrganisationRepository, UserRepository } from '@app/persistence';
import type { UserEntity } from '@app/persistence';
import { listPage } from '../common/page.query';
import type { Principal } from '../auth/principal';
import { PasswordHasher } from '../auth/password-hasher';
import { userView } from '../auth/user-view';
import { assertKnownLocalAuthorities } from '../alliances/alliance-members';
import { providerView } from '../providers/provider-view';
import { CreateAllianceDto } from './dto/create-alliance.dto';
import { CreateProviderDto } from './dto/create-provider.dto';
import { CreateUserDto } from './dto/create-user.dto';
import type { CreatedUserResponse } from './dto/created-user.response';
import type { AdminUserResponse, ListUsersQuery, UpdateUserDto, UpdatedUserResponse, UserPageResponse } from './dto/users.dto';

/** Which organisation field each role must name; the others must be absent. */
const ORGANISATION_FIELD = {
  placement_officer: 'localAuthorityCode',
  provider_user: 'providerId',
  commissioner: 'allianceId',
  admin: undefined,
} as const;
const ORGANISATION_FIELDS = ['localAuthorityCode', 'providerId', 'allianceId'] as const;

@Injectable()
export class AdminService {
  constructor(
    private readonly users: UserRepository,
    private readonly organisations: OrganisationRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  async createUser(dto: CreateUserDto): Promise<CreatedUserResponse> {
    await this.checkOrganisation(dto);
    try {
      const user = await this.users.create({
        email: dto.email,
        passwordHash: await this.hasher.hash(dto.password),
        role: dto.role,
        localAuthorityCode: dto.localAuthorityCode,
        providerId: dto.providerId,
        allianceId: dto.allianceId,
        displayName: dto.displayName?.trim(),
        phone: dto.phone,
      });
      return { ...userView(user), createdAt: user.createdAt };
    } catch (error) {
      if (error instanceof DuplicateEmailError) {
        throw new DomainError(DomainErrorCode.Conflict, 'A user with this email already exists');
      }
      throw error;
    }
  }

  async listUsers(query: ListUsersQuery): Promise<UserPageResponse> {
    const page = await this.users.list({ search: query.search?.trim() || undefined, role: query.role }, listPage(query));
    return { items: page.items.map(adminUserView), total: page.total };
  }

  async getUser(id: string): Promise<AdminUserResponse> {
    const user = await this.users.findById(id);
    if (!user) throw DomainError.notFound('User');
    return adminUserView(user);
  }

  /** Disables or enables a user, and resets its password to a temporary one answered this once. */
  async updateUser(admin: Principal, id: string, dto: UpdateUserDto): Promise<UpdatedUserResponse> {
    if (dto.disabled === true && id === admin.userId) throw DomainError.invalid('disabled', 'you cannot disable yourself');
    let user = await this.users.findById(id);
    if (!user) throw DomainError.notFound('User');
    if (dto.disabled !== undefined) user = (await this.users.setDisabled(id, dto.disabled)) ?? user;
    if (!dto.resetPassword) return adminUserView(user);
    const temporaryPassword = randomBytes(12).toString('base64url');
    await this.users.setPassword(id, await this.hasher.hash(temporaryPassword), true);
    return { ...adminUserView({ ...user, mustChangePassword: true }), temporaryPassword };
  }

  private async checkOrganisation(dto: CreateUserDto): Promise<void> {
    const required = ORGANISATION_FIELD[dto.role];
    const problems: FieldProblem[] = [];
    for (const field of ORGANISATION_FIELDS) {
      if (field === required && !dto[field]) problems.push({ field, problem: `is required for role ${dto.role}` });
      if (field !== required && dto[field]) problems.push({ field, problem: `must not be set for role ${dto.role}` });
    }
    if (problems.length === 0 && required) {
      const value = dto[required] as string;
      const exists =
        required === 'localAuthorityCode'
          ? (await this.organisations.existingLocalAuthorityCodes([value])).has(value)
          : required === 'providerId'
            ? await this.organisations.providerExists(value)
            : await this.organisations.allianceExists(value);
      if (!exists) problems.push({ field: required, problem: 'does not exist' });
    }
    if (problems.length > 0) throw new DomainError(DomainErrorCode.InvalidInput, 'Validation failed', problems);
  }

  async createAlliance(dto: CreateAllianceDto) {
    await assertKnownLocalAuthorities(this.organisations, dto.localAuthorityCodes);
    try {
      const alliance = await this.organisations.createAlliance(dto.name, dto.localAuthorityCodes);
      return { id: alliance.id, name: alliance.name, localAuthorityCodes: [...dto.localAuthorityCodes].sort() };
    } catch (error) {
      if (error instanceof DuplicateNameError) {
        throw new DomainError(DomainErrorCode.Conflict, 'An alliance with this name already exists');
      }
      throw error;
    }
  }

  async createProvider(dto: CreateProviderDto) {
    const provider = await this.organisations.createProvider({
      name: dto.name,
      sector: dto.sector,
      ofstedUrn: dto.ofstedUrn?.toUpperCase() ?? null,
    });
    return { ...providerView(provider), createdAt: provider.createdAt };
  }
}

function adminUserView(user: UserEntity): AdminUserResponse {
  return {
    ...userView(user),
    createdAt: user.createdAt,
    disabled: user.disabledAt !== null,
    ...(user.disabledAt ? { disabledAt: user.disabledAt } : {}),
  };
}
