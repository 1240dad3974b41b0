import { Injectable } from '@nestjs/common';
import type { OfstedGrade } from '@app/domain';
import { readOfstedProviders, registerGradeOf } from '@app/reference-data';

/** What the register says of one registration: its overall grade and latest full inspection. */
export interface RegisterGrading {
  grade: OfstedGrade;
  inspectedOn: string | null;
}

/** Read once per process, whichever module's instance asks first (settings' and providers'). */
let byUrn: Map<string, RegisterGrading> | undefined;

/**
 * Ofsted's register of children's social care providers that the product ships
 * (libs/reference-data/data), read once on first use: the URNs a provider or setting may be linked
 * to, and the grade a setting with one of them takes.
 */
@Injectable()
export class OfstedRegister {

  /** True when `urn` (any case) is a registration on the register. */
  has(urn: string): boolean {
    return this.find(urn) !== undefined;
  }

  /** The register's grading for `urn` (any case), or undefined when it is not on the register. */
  find(urn: string): RegisterGrading | undefined {
    byUrn ??= new Map(
      readOfstedProviders().map((record) => [record.urn.toUpperCase(), { grade: registerGradeOf(record), inspectedOn: record.inspectedOn }]),
    );
    return byUrn.get(urn.toUpperCase());
  }
}
