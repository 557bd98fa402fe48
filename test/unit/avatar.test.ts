import { describe, expect, it } from 'vitest';
import { initials } from '../../src/ui/Avatar';

describe('initials', () => {
  it('the first letters of the first and last words', () => {
    expect(initials('Jürgen Müller')).toBe('JM');
    expect(initials('Ömer Çelik')).toBe('ÖÇ');
    expect(initials('anna maria van der berg')).toBe('AB');
    expect(initials('Zoë')).toBe('Z');
    expect(initials('  Anna   Schmidt  ')).toBe('AS');
  });

  it('a letter, not what stands before it in its word', () => {
    expect(initials('(Anna) Schmidt')).toBe('AS');
    expect(initials('„Hannes“ Meier')).toBe('HM');
    expect(initials("'t Hooft")).toBe('TH');
  });

  it('a letter of any script, whole: outside the first plane, or written with a combining accent', () => {
    expect(initials('𠮷野 家')).toBe('𠮷家');
    expect(initials('E\u0301mile Zola')).toBe('E\u0301Z');
    expect(initials('🙂Anna Schmidt')).toBe('AS');
  });

  it('titles before a name are not its initials', () => {
    expect(initials('Dr. Maximiliane von Hohenzollern-Sigmaringen')).toBe('MH');
    expect(initials('Prof. Dr.-Ing. Hans Meier')).toBe('HM');
    expect(initials('Frau Dr. med. Anna Schmidt')).toBe('AS');
    expect(initials('Dr. Schmidt')).toBe('S');
    expect(initials('Dr.')).toBe('D');
  });

  it('words without a letter are skipped; no letter at all is "?"', () => {
    expect(initials('Anna - Schmidt 🙂')).toBe('AS');
    expect(initials('🙂 🙂')).toBe('?');
    expect(initials('')).toBe('?');
  });
});
