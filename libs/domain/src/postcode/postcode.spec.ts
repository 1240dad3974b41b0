import fc from 'fast-check';
import { parsePostcode } from './postcode';

describe('parsePostcode', () => {
  describe('full postcodes', () => {
    it.each([
      ['UB1 1AA', 'UB1', 'UB1 1AA'],
      ['UB11AA', 'UB1', 'UB1 1AA'],
      ['ub1 1aa', 'UB1', 'UB1 1AA'],
      ['  ub1   1aa  ', 'UB1', 'UB1 1AA'],
      ['SW1A 1AA', 'SW1A', 'SW1A 1AA'],
      ['sw1a1aa', 'SW1A', 'SW1A 1AA'],
      ['EC1V 9HX', 'EC1V', 'EC1V 9HX'],
      // One of each outward format: A9, A99, AA9, AA99, A9A, AA9A.
      ['M1 1AE', 'M1', 'M1 1AE'],
      ['B33 8TH', 'B33', 'B33 8TH'],
      ['CR2 6XH', 'CR2', 'CR2 6XH'],
      ['DN55 1PT', 'DN55', 'DN55 1PT'],
      ['W1A 0AX', 'W1A', 'W1A 0AX'],
      ['EC1A 1BB', 'EC1A', 'EC1A 1BB'],
    ])('reads %j as district %s, normalised %s', (input, district, normalised) => {
      expect(parsePostcode(input)).toEqual({ district, normalised, full: true });
    });
  });

  describe('districts on their own', () => {
    it.each([
      ['UB1', 'UB1'],
      ['SW1A', 'SW1A'],
      ['EC1V', 'EC1V'],
      ['ec1v', 'EC1V'],
      [' m1 ', 'M1'],
      ['DN55', 'DN55'],
    ])('reads %j as district %s', (input, district) => {
      expect(parsePostcode(input)).toEqual({ district, normalised: district, full: false });
    });
  });

  describe('rejects', () => {
    it.each([
      ['XYZ', 'no digit in the outward code'],
      ['UB1 1A', 'an inward code one letter short'],
      ['UB1 1AAA', 'an inward code one letter long'],
      ['12345', 'digits only'],
      ['', 'nothing'],
      ['   ', 'only spaces'],
      ['1UB 1AA', 'an outward code starting with a digit'],
      ['UB1 1CA', 'an inward code with a letter Royal Mail never uses there (C)'],
      ['UB1 AA1', 'an inward code not of the form 9AA'],
      ['ABC1 1AA', 'three letters before the digit'],
      ['UB1-1AA', 'a dash for a space'],
      ['SW1A 1AA X', 'trailing text'],
    ])('%j (%s)', (input) => {
      expect(parsePostcode(input)).toBeNull();
    });

    it('a value that is not a string', () => {
      expect(parsePostcode(undefined as unknown as string)).toBeNull();
      expect(parsePostcode(12345 as unknown as string)).toBeNull();
    });
  });

  describe('properties', () => {
    const letter = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    const digit = fc.constantFrom(...'0123456789');
    const inwardLetter = fc.constantFrom(...'ABDEFGHJLNPQRSTUWXYZ');
    const outward = fc
      .tuple(fc.array(letter, { minLength: 1, maxLength: 2 }), digit, fc.option(fc.oneof(letter, digit), { nil: undefined }))
      .map(([area, d, tail]) => `${area.join('')}${d}${tail ?? ''}`);
    const inward = fc.tuple(digit, inwardLetter, inwardLetter).map((parts) => parts.join(''));
    /** A postcode or a district as someone might type it: any case, any spacing. */
    const typedPostcode = fc
      .tuple(outward, fc.option(inward, { nil: '' }), fc.constantFrom('', ' ', '  '), fc.boolean())
      .map(([out, inw, gap, lower]) => {
        const typed = `${out}${gap}${inw}`;
        return lower ? typed.toLowerCase() : typed;
      });

    it('reads any well-formed postcode however it is cased and spaced, to one canonical form', () => {
      fc.assert(
        fc.property(outward, inward, fc.boolean(), fc.boolean(), (out, inw, lower, spaced) => {
          const canonical = `${out} ${inw}`;
          const typed = `${out}${spaced ? ' ' : ''}${inw}`;
          const parsed = parsePostcode(lower ? typed.toLowerCase() : typed);
          expect(parsed).toEqual({ district: out, normalised: canonical, full: true });
        }),
      );
    });

    it('is idempotent: the normalised form parses to itself', () => {
      fc.assert(
        fc.property(fc.oneof(fc.string({ maxLength: 10 }), typedPostcode), (input) => {
          const parsed = parsePostcode(input);
          if (parsed) expect(parsePostcode(parsed.normalised)).toEqual(parsed);
        }),
      );
    });

    it('gives a district that is itself a valid district', () => {
      fc.assert(
        fc.property(outward, inward, (out, inw) => {
          const parsed = parsePostcode(`${out}${inw}`);
          expect(parsed && parsePostcode(parsed.district)).toEqual({
            district: parsed?.district,
            normalised: parsed?.district,
            full: false,
          });
        }),
      );
    });
  });
});
