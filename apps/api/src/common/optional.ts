import { ValidateIf } from 'class-validator';

/**
 * May be left out, but not sent as null: class-validator's IsOptional lets null through, and null
 * would then reach a NOT NULL column as a 500 instead of a 400 naming the field.
 */
export const IsOmittable = () => ValidateIf((_: object, value: unknown) => value !== undefined);
