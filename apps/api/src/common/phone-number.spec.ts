import { isUkPhoneNumber } from './phone-number';

describe('isUkPhoneNumber', () => {
  it.each(['020 7946 0000', '02079460000', '01632 960000', '0113 496 0000', '07700 900123', '+44 20 7946 0000', '+44 (0)20 7946 0000', '020-7946-0000'])(
    'takes %s',
    (phone) => expect(isUkPhoneNumber(phone)).toBe(true),
  );

  it.each(['', '7946 0000', '020 7946', '020 7946 0000 0000', '+1 202 555 0100', '+44 020 7946 0000', 'call me', '020 7946 000O', ' 020 7946 0000', 20_7946_0000])(
    'refuses %s',
    (phone) => expect(isUkPhoneNumber(phone)).toBe(false),
  );
});
