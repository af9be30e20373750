import { textProblem } from './text-fields';

describe('textProblem (Unicode hygiene of names and free text)', () => {
  it.each([
    ['Ann Lee', null],
    ['Zoë Åström-Ñúñez', null],
    ['李小龍', null],
    ['👩‍💻 Dev', null], // a ZWJ sequence is no control character
    ['Ann\u0000', 'must be one line without control characters'],
    ['Ann\r\nBcc: x@example.com', 'must be one line without control characters'],
    ['Ann\u0085', 'must be one line without control characters'],
    ['Ann\u2028Lee', 'must be one line without control characters'],
    ['Ann \u202Eeel', 'must not contain bidirectional control characters'],
    ['\u2066Ann', 'must not contain bidirectional control characters'],
    ['Ann \ud800', 'must not contain unpaired surrogates'],
    ['   ', 'must not be blank'],
    ['\u200B\u00A0', 'must not be blank'],
  ])('single line: %j → %s', (text, problem) => {
    expect(textProblem(text, false)).toBe(problem);
  });

  it('lets multi-line text keep its line breaks and tabs, nothing else', () => {
    expect(textProblem('My phone was stolen.\r\n\tOn the train.', true)).toBeNull();
    expect(textProblem('bell\u0007', true)).toBe('must not contain control characters');
    expect(textProblem('\n\n', true)).toBe('must not be blank');
  });
});
