import { describe, expect, it } from 'vitest';
import { byRegion } from './members-fieldset';

describe('byRegion', () => {
  it('groups LAs by region, regions and names in alphabetical order', () => {
    const las = [
      { code: 'E06000026', name: 'Plymouth', region: 'South West' },
      { code: 'E09000009', name: 'Ealing', region: 'London' },
      { code: 'E06000052', name: 'Cornwall', region: 'South West' },
      { code: 'E09000005', name: 'Brent', region: 'London' },
    ];
    expect(byRegion(las).map(([region, members]) => [region, members.map((la) => la.name)])).toEqual([
      ['London', ['Brent', 'Ealing']],
      ['South West', ['Cornwall', 'Plymouth']],
    ]);
    expect(las[0].name).toBe('Plymouth');
  });
});
