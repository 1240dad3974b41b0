import { Matches } from 'class-validator';

const URN = /^[A-Z0-9]{6,16}$/i;

/** An Ofsted unique reference number, e.g. SC123456 (stored upper-case). */
export const IsOfstedUrn = () => Matches(URN, { message: 'must be an Ofsted URN such as SC123456' });

/** Its OpenAPI description, for `@ApiPropertyOptional({ ...OFSTED_URN })`. */
export const OFSTED_URN = { type: String, pattern: '^[A-Za-z0-9]{6,16}$', example: 'SC123456' };
