import { Injectable } from '@nestjs/common';
import { OrganisationRepository } from '@app/persistence';

@Injectable()
export class LocalAuthoritiesService {
  constructor(private readonly organisations: OrganisationRepository) {}

  /** Every English local authority, by name, with the fields of the reference data the contract shows. */
  async list() {
    const authorities = await this.organisations.listLocalAuthorities();
    return authorities.map(({ code, dfeCode, name, region, latitude, longitude }) => ({
      code,
      dfeCode,
      name,
      region,
      latitude,
      longitude,
    }));
  }
}
