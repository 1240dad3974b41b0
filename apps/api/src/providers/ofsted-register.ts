import { Injectable } from '@nestjs/common';
import { readOfstedProviders } from '@app/reference-data';

/**
 * Ofsted's register of children's social care providers that the product ships
 * (libs/reference-data/data), read once on first use: the URNs a provider may be linked to.
 */
@Injectable()
export class OfstedRegister {
  private urns: Set<string> | undefined;

  /** True when `urn` (any case) is a registration on the register. */
  has(urn: string): boolean {
    this.urns ??= new Set(readOfstedProviders().map((record) => record.urn.toUpperCase()));
    return this.urns.has(urn.toUpperCase());
  }
}
