/**
 * Thirty real files from other projects' test suites (test/fixtures/real, provenance and licence per file in
 * cases.json): every person each holds is read as a user would expect, every page gives its person or none.
 * Pages run twice: as the popup's first capture, and as its second with jsonrepair injected.
 */
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { jsonrepair } from 'jsonrepair';
import { afterAll, describe, expect, it } from 'vitest';
import { extractProfile } from '../../src/capture/extract';
import { JSON_REPAIR_GLOBAL } from '../../src/capture/repair-hook';
import type { ContactDraft } from '../../src/contacts/fields';
import { parseContactsFile } from '../../src/interchange';
import { suggestedName } from './support/suggested-name';

interface Person extends Partial<Pick<ContactDraft, 'name' | 'company' | 'role' | 'location' | 'notes'>> {
  emails?: string[];
  phones?: string[];
  circles?: string[];
  birthday?: { year?: number; month: number; day: number };
  notesStart?: string;
  noBirthday?: boolean;
}
interface Case {
  file: string;
  url?: string;
  source: { repo: string; path: string; commit: string; licence: string };
  changes: string;
  expect: {
    people?: Person[];
    errors?: number;
    encoding?: string;
    encodingGuessed?: boolean;
    columnStep?: boolean;
    capture?: Partial<Record<'name' | 'role' | 'company' | 'location', string>> | null;
    suggestedName?: string;
  };
}

const root = new URL('../fixtures/real/', import.meta.url);
const cases: Case[] = JSON.parse(readFileSync(new URL('cases.json', root), 'utf8'));
let checks = 0;
let passed = 0;

/** One scored check: counted, then asserted. */
function check(actual: unknown, expected: unknown, what: string) {
  checks++;
  expect(actual, what).toEqual(expected);
  passed++;
}

function personChecks(got: ContactDraft | undefined, want: Person, at: string) {
  check(got?.name, want.name, `${at} name`);
  for (const k of ['company', 'role', 'location', 'notes'] as const)
    if (want[k] !== undefined) check(got?.[k], want[k], `${at} ${k}`);
  for (const k of ['emails', 'phones', 'circles'] as const)
    if (want[k] !== undefined) check(got?.[k], want[k], `${at} ${k}`);
  if (want.birthday) check(got?.birthday, want.birthday, `${at} birthday`);
  if (want.noBirthday) check(got?.birthday, undefined, `${at} an impossible birthday is left out`);
  if (want.notesStart) check(got?.notes?.startsWith(want.notesStart), true, `${at} notes start`);
}

describe('real-world files', () => {
  it('holds at least 30 files, each with its provenance and licence', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    for (const c of cases) {
      expect(c.source.repo, c.file).toMatch(/^[\w.-]+\/[\w.-]+$/);
      expect(c.source.commit, c.file).toMatch(/^[0-9a-f]{40}$/);
      expect(c.source.licence, c.file).not.toBe('');
      expect(c.changes, c.file).not.toBe('');
    }
  });

  it.each(cases.filter((c) => !c.file.startsWith('pages/')).map((c) => [c.file, c] as const))('%s', (file, c) => {
    const bytes = new Uint8Array(readFileSync(new URL(file, root)));
    const r = parseContactsFile(bytes, file.split('/').pop() ?? file);
    check(JSON.stringify(r.contacts).includes('\ufffd'), false, `${file}: no U+FFFD invented`);
    const people = c.expect.people ?? [];
    check(r.contacts.length, people.length, `${file}: people`);
    for (const [i, want] of people.entries()) personChecks(r.contacts[i], want, `${file} #${i + 1}`);
    if (c.expect.errors !== undefined) check(r.errors.length, c.expect.errors, `${file}: errors`);
    if (c.expect.encoding) check(r.encoding, c.expect.encoding, `${file}: encoding`);
    if (c.expect.encodingGuessed !== undefined)
      check(!!r.encodingGuessed, c.expect.encodingGuessed, `${file}: encoding said to be a guess`);
    if (c.expect.columnStep) check(r.csv?.certain, false, `${file}: the preview asks about the columns`);
  });

  const g = globalThis as Record<string, unknown>;
  for (const repair of [false, true])
    it.each(cases.filter((c) => c.file.startsWith('pages/')).map((c) => [c.file, c] as const))(
      `%s (${repair ? 'second capture, with jsonrepair' : 'first capture'})`,
      (file, c) => {
        if (repair) g[JSON_REPAIR_GLOBAL] = jsonrepair;
        const url = c.url ?? 'https://example.org/';
        const dom = new JSDOM(readFileSync(new URL(file, root), 'utf8'), { url });
        try {
          const got = extractProfile(dom.window.document, url);
          if (c.expect.capture === null) check(got, null, `${file}: no person`);
          else
            for (const [k, v] of Object.entries(c.expect.capture ?? {})) check(got?.[k as 'name'], v, `${file} ${k}`);
          if (c.expect.suggestedName !== undefined)
            check(suggestedName(dom.window.document, url), c.expect.suggestedName, `${file}: suggested name`);
        } finally {
          delete g[JSON_REPAIR_GLOBAL];
          dom.window.close();
        }
      },
    );

  afterAll(() => {
    console.log(`real-world files: ${passed}/${checks} checks over ${cases.length} files`);
  });
});
