import { Injectable } from '@nestjs/common';
import { DomainError, DomainErrorCode, FieldProblem } from '@app/domain';
import type { OfstedGrade } from '@app/domain';
import { OrganisationRepository, OutboxSignal, PostcodeDirectory, SettingEntity, SettingRepository } from '@app/persistence';
import { mayManageProvider, mayReadProviderRecord } from '../auth/organisation-access';
import type { Principal } from '../auth/principal';
import { DEFAULT_PAGE_SIZE } from '../common/page.query';
import { OfstedRegister } from '../providers/ofsted-register';
import { CreateSettingDto, ListSettingsQuery, UpdateSettingDto } from './dto/setting.dto';

@Injectable()
export class SettingsService {
  constructor(
    private readonly settings: SettingRepository,
    private readonly organisations: OrganisationRepository,
    private readonly postcodes: PostcodeDirectory,
    private readonly outbox: OutboxSignal,
    private readonly register: OfstedRegister,
  ) {}

  async create(principal: Principal, dto: CreateSettingDto) {
    await this.assertMayManageProvider(principal, dto.providerId);
    const problems = checkRanges(dto.ageMin, dto.ageMax, dto.needsSupported ?? [], dto.needsExcluded ?? []);
    const grading = this.grading(dto.ofstedUrn ?? null, dto.ofstedGrade, problems);
    const location = await this.locate(dto.postcode, problems);
    if (problems.length > 0 || !location) throw invalid(problems);
    const setting = await this.settings.create({
      providerId: dto.providerId,
      name: dto.name,
      placementType: dto.placementType,
      ...grading,
      registeredPlaces: dto.registeredPlaces,
      ageMin: dto.ageMin,
      ageMax: dto.ageMax,
      genders: dto.genders,
      needsSupported: (dto.needsSupported ?? []).map(({ code, level }) => ({ code, level })),
      needsExcluded: dto.needsExcluded ?? [],
      ...location,
    });
    return toView(setting, true);
  }

  async get(principal: Principal, id: string) {
    const setting = await this.settings.findById(id);
    if (!setting || !mayReadProviderRecord(principal, setting.providerId)) throw DomainError.notFound('Setting');
    return toView(setting, mayManageProvider(principal, setting.providerId));
  }

  async update(principal: Principal, id: string, dto: UpdateSettingDto) {
    const current = await this.settings.findById(id);
    if (!current || !mayManageProvider(principal, current.providerId)) throw DomainError.notFound('Setting');
    const problems = checkRanges(
      dto.ageMin ?? current.ageMin,
      dto.ageMax ?? current.ageMax,
      dto.needsSupported ?? current.needsSupported,
      dto.needsExcluded ?? current.needsExcluded,
    );
    const grading =
      dto.ofstedUrn === undefined && dto.ofstedGrade === undefined
        ? {}
        : this.grading(dto.ofstedUrn === undefined ? current.ofstedUrn : dto.ofstedUrn, dto.ofstedGrade ?? current.ofstedGrade, problems);
    const location = dto.postcode === undefined ? {} : await this.locate(dto.postcode, problems);
    if (problems.length > 0) throw invalid(problems);
    const { postcode: _, ofstedUrn: _urn, ofstedGrade: _grade, ...changes } = dto;
    const updated = await this.settings.update(id, {
      ...changes,
      ...grading,
      ...(changes.needsSupported
        ? { needsSupported: changes.needsSupported.map(({ code, level }) => ({ code, level })) }
        : {}),
      ...location,
    });
    if (updated.outcome === 'not_found') throw DomainError.notFound('Setting');
    if (updated.outcome === 'age_range_inverted') throw DomainError.invalid('ageMin', 'must not be above ageMax');
    this.outbox.signal();
    return toView(updated.setting, true);
  }

  async list(principal: Principal, query: ListSettingsQuery) {
    const settings = await this.settings.list({
      providerId: principal.role === 'provider_user' ? principal.providerId : query.providerId,
      placementType: query.placementType,
      localAuthorityCode: query.localAuthorityCode,
      limit: query.limit ?? DEFAULT_PAGE_SIZE,
      offset: query.offset ?? 0,
    });
    return settings.map((setting) => toView(setting, mayManageProvider(principal, setting.providerId)));
  }

  private async assertMayManageProvider(principal: Principal, providerId: string): Promise<void> {
    if (principal.role === 'provider_user' && principal.providerId !== providerId) {
      throw new DomainError(DomainErrorCode.Forbidden, "You may only manage your own provider's settings");
    }
    if (principal.role === 'admin' && !(await this.organisations.providerExists(providerId))) {
      throw DomainError.invalid('providerId', 'does not exist');
    }
  }

  /**
   * A setting with a URN takes its grade and inspection date from Ofsted's register, whatever grade
   * the provider typed; without one the typed grade stands, marked self-declared.
   */
  private grading(urn: string | null, declared: OfstedGrade, problems: FieldProblem[]) {
    const registered = urn ? this.register.find(urn) : undefined;
    if (urn && !registered) problems.push({ field: 'ofstedUrn', problem: "is not on Ofsted's register of children's social care providers" });
    if (!urn || !registered) {
      return { ofstedUrn: null, ofstedGrade: declared, ofstedGradeSource: 'self-declared' as const, ofstedInspectedOn: null };
    }
    return {
      ofstedUrn: urn.toUpperCase(),
      ofstedGrade: registered.grade,
      ofstedGradeSource: 'register' as const,
      ofstedInspectedOn: registered.inspectedOn,
    };
  }

  private async locate(postcode: string, problems: FieldProblem[]) {
    const resolved = await this.postcodes.resolve(postcode);
    if (!resolved.ok) {
      problems.push({ field: 'postcode', problem: `${resolved.problem}` });
      return undefined;
    }
    const { value } = resolved;
    return {
      postcode: value.postcode,
      postcodeDistrict: value.district,
      localAuthorityCode: value.localAuthorityCode,
      latitude: value.latitude,
      longitude: value.longitude,
    };
  }
}

function checkRanges(
  ageMin: number,
  ageMax: number,
  supported: { code: string }[],
  excluded: string[],
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (ageMin > ageMax) problems.push({ field: 'ageMin', problem: 'must not be above ageMax' });
  const both = supported.filter((need) => excluded.includes(need.code)).map((need) => need.code);
  if (both.length > 0) {
    problems.push({ field: 'needsExcluded', problem: `must not also be supported: ${both.join(', ')}` });
  }
  return problems;
}

function invalid(problems: FieldProblem[]): DomainError {
  return new DomainError(DomainErrorCode.InvalidInput, 'Validation failed', problems);
}

/**
 * Ofsted withholds children's homes' addresses to keep children safe; outside the provider only the
 * postcode district is shown.
 */
function toView(setting: SettingEntity, full: boolean) {
  return {
    id: setting.id,
    providerId: setting.providerId,
    name: setting.name,
    placementType: setting.placementType,
    ofstedUrn: setting.ofstedUrn ?? undefined,
    ofstedGrade: setting.ofstedGrade,
    ofstedGradeSource: setting.ofstedGradeSource,
    inspectedOn: setting.ofstedInspectedOn,
    postcode: full ? setting.postcode : setting.postcodeDistrict,
    postcodeDistrict: setting.postcodeDistrict,
    localAuthorityCode: setting.localAuthorityCode,
    registeredPlaces: setting.registeredPlaces,
    ageMin: setting.ageMin,
    ageMax: setting.ageMax,
    genders: setting.genders,
    needsSupported: setting.needsSupported,
    needsExcluded: setting.needsExcluded,
    version: setting.version,
    createdAt: setting.createdAt,
    updatedAt: setting.updatedAt,
  };
}
