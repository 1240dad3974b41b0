import { inputProblems, MAX_INPUT_DEPTH } from './storable-text';

const nested = (depth: number): unknown => {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = i % 2 ? { a: value } : [value];
  return value;
};

describe('inputProblems', () => {
  it('passes ordinary bodies', () => {
    expect(inputProblems({ child: { needs: [{ code: 'self-harm', level: 2 }] }, notes: 'Café — 😀' })).toEqual([]);
  });

  it('names each field holding a NUL character', () => {
    expect(inputProblems({ notes: 'a\u0000b', child: { tags: ['ok', '\u0000'] } })).toEqual([
      { field: 'notes', problem: 'must not contain the NUL character' },
      { field: 'child.tags[1]', problem: 'must not contain the NUL character' },
    ]);
  });

  it('refuses lone surrogates in values and in field names', () => {
    expect(inputProblems({ email: 'a\ud800@x.org' })).toEqual([{ field: 'email', problem: 'must be valid Unicode text' }]);
    expect(inputProblems({ email: '\udc00' })).toEqual([{ field: 'email', problem: 'must be valid Unicode text' }]);
    expect(inputProblems({ child: { ['\ud800']: 1 } })).toEqual([{ field: 'child', problem: 'has a field name that is not valid Unicode text' }]);
  });

  it('refuses prototype keys at any depth', () => {
    const body = JSON.parse('{"__proto__": {"admin": true}, "child": {"constructor": 1, "prototype": 2}}');
    expect(inputProblems(body)).toEqual([
      { field: '__proto__', problem: 'is not an allowed field' },
      { field: 'child.constructor', problem: 'is not an allowed field' },
      { field: 'child.prototype', problem: 'is not an allowed field' },
    ]);
  });

  it('allows the bound of nesting and refuses one level more, without recursion', () => {
    expect(inputProblems(nested(MAX_INPUT_DEPTH))).toEqual([]);
    expect(inputProblems(nested(MAX_INPUT_DEPTH + 1))).toEqual([
      expect.objectContaining({ problem: `must not be nested more than ${MAX_INPUT_DEPTH} levels deep` }),
    ]);
    // 100,000 deep would overflow a recursive walk.
    expect(inputProblems(JSON.parse('['.repeat(100_000) + ']'.repeat(100_000)))).toHaveLength(1);
  });
});
