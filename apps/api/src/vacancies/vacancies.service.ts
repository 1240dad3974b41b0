import { Injectable, Optional } from '@nestjs/common';
import { Environment } from '@app/config';
import { DEFAULT_VACANCY_STALE_DAYS, DomainError, DomainErrorCode, isStaleAfter } from '@app/domain';
import { OutboxSignal, SettingRepository, VacancyRepository, VacancyView } from '@app/persistence';
import { mayManageProvider, mayReadProviderRecord } from '../auth/organisation-access';
import type { Principal } from '../auth/principal';
import { calendarDay } from '../common/date.validators';
import { DEFAULT_PAGE_SIZE } from '../common/page.query';
import { CreateVacancyDto, ListVacanciesQuery, UpdateVacancyDto } from './dto/vacancy.dto';

/** A vacancy as answered: with whether it has gone unconfirmed long enough to be stale. */
export type VacancyAnswer = VacancyView & { stale: boolean };

@Injectable()
export class VacanciesService {
  constructor(
    private readonly vacancies: VacancyRepository,
    private readonly settings: SettingRepository,
    private readonly outbox: OutboxSignal,
    @Optional() private readonly env?: Environment,
  ) {}

  private get staleDays(): number {
    return this.env?.VACANCY_STALE_DAYS ?? DEFAULT_VACANCY_STALE_DAYS;
  }

  private answer(vacancy: VacancyView): VacancyAnswer {
    return { ...vacancy, stale: isStaleAfter(vacancy.daysSinceConfirmed, this.staleDays) };
  }

  async create(principal: Principal, dto: CreateVacancyDto): Promise<VacancyAnswer> {
    const setting = await this.settings.findById(dto.settingId);
    if (!setting || !mayManageProvider(principal, setting.providerId)) {
      throw DomainError.invalid('settingId', 'is not a setting of your provider');
    }
    const availableFrom = calendarDay(dto.availableFrom);
    const availableUntil = dto.availableUntil ? calendarDay(dto.availableUntil) : null;
    if (availableUntil && availableUntil < availableFrom) {
      throw DomainError.invalid('availableUntil', 'must not be before availableFrom');
    }
    const vacancy = await this.vacancies.create({
      settingId: setting.id,
      providerId: setting.providerId,
      beds: dto.beds,
      availableFrom,
      availableUntil,
      weeklyCost: dto.weeklyCost,
      emergencyReady: dto.emergencyReady ?? false,
      reservedFor: dto.reservedFor ? { ...dto.reservedFor } : null,
    });
    this.outbox.signal();
    return this.answer(vacancy);
  }

  async get(principal: Principal, id: string): Promise<VacancyAnswer> {
    const vacancy = await this.vacancies.findById(id);
    if (!vacancy || !mayReadProviderRecord(principal, vacancy.providerId)) throw DomainError.notFound('Vacancy');
    return this.answer(vacancy);
  }

  async update(principal: Principal, id: string, version: number, dto: UpdateVacancyDto): Promise<VacancyAnswer> {
    const current = await this.vacancies.findById(id);
    if (!current || !mayManageProvider(principal, current.providerId)) throw DomainError.notFound('Vacancy');
    const availableFrom = dto.availableFrom ? calendarDay(dto.availableFrom) : undefined;
    const availableUntil =
      dto.availableUntil === undefined ? undefined : dto.availableUntil === null ? null : calendarDay(dto.availableUntil);
    const from = availableFrom ?? current.availableFrom;
    const until = availableUntil === undefined ? current.availableUntil : availableUntil;
    if (until && until < from) throw DomainError.invalid('availableUntil', 'must not be before availableFrom');
    const result = await this.vacancies.update(id, version, {
      beds: dto.beds,
      availableFrom,
      availableUntil,
      weeklyCost: dto.weeklyCost,
      emergencyReady: dto.emergencyReady,
      reservedFor: dto.reservedFor === undefined || dto.reservedFor === null ? dto.reservedFor : { ...dto.reservedFor },
    });
    switch (result.outcome) {
      case 'updated':
        this.outbox.signal();
        return this.answer(result.vacancy);
      case 'not_found':
        throw DomainError.notFound('Vacancy');
      case 'withdrawn':
        throw new DomainError(DomainErrorCode.Conflict, 'The vacancy has been withdrawn');
      case 'stale':
        throw new DomainError(
          DomainErrorCode.StaleVersion,
          `The vacancy has changed since version ${version}; read it again (now version ${result.currentVersion})`,
        );
    }
  }

  /** "Still available": renews the vacancy's confirmation; a stale one is fresh again and re-ranks referrals. */
  async confirm(principal: Principal, id: string): Promise<VacancyAnswer> {
    const current = await this.vacancies.findById(id);
    if (!current || !mayManageProvider(principal, current.providerId)) throw DomainError.notFound('Vacancy');
    const result = await this.vacancies.confirm(id, this.staleDays);
    switch (result.outcome) {
      case 'confirmed':
        if (result.wasStale) this.outbox.signal();
        return this.answer(result.vacancy);
      case 'not_found':
        throw DomainError.notFound('Vacancy');
      case 'withdrawn':
        throw new DomainError(DomainErrorCode.Conflict, 'The vacancy has been withdrawn');
    }
  }

  async withdraw(principal: Principal, id: string): Promise<VacancyAnswer> {
    const current = await this.vacancies.findById(id);
    if (!current || !mayManageProvider(principal, current.providerId)) throw DomainError.notFound('Vacancy');
    const withdrawn = await this.vacancies.withdraw(id);
    if (!withdrawn) throw DomainError.notFound('Vacancy');
    this.outbox.signal();
    return this.answer(withdrawn);
  }

  async list(principal: Principal, query: ListVacanciesQuery): Promise<VacancyAnswer[]> {
    const vacancies = await this.vacancies.list({
      status: query.status,
      placementType: query.placementType,
      localAuthorityCode: query.localAuthorityCode,
      providerId: principal.role === 'provider_user' ? principal.providerId : undefined,
      limit: query.limit ?? DEFAULT_PAGE_SIZE,
      offset: query.offset ?? 0,
    });
    return vacancies.map((vacancy) => this.answer(vacancy));
  }
}
