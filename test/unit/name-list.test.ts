import { describe, expect, it } from 'vitest';
import { readNameList } from '../../src/interchange/name-list';

describe('a list of people written down or pasted (readNameList)', () => {
  it('reads one name per line: trimmed, blank lines left out, each name once whatever its case', () => {
    expect(readNameList('  Anna  Alt \r\n\n Ben Bauer\nanna alt\n\t\nCem')).toEqual({
      people: [{ name: 'Anna Alt' }, { name: 'Ben Bauer' }, { name: 'Cem' }],
      problems: [],
    });
    expect(readNameList(' \n\n')).toEqual({ people: [], problems: [] });
  });

  it("reads a list as a notes app writes it: past its bullets and numbers, names parted by semicolons, what a line says after a name as the person's note", () => {
    expect(
      readNameList(
        [
          '- Anna Alt',
          '• Ben Berg – Physiotherapeut, Tennisclub',
          '* Cem Can; Dora Dahl (Kundin)',
          '1. Emil Ernst - Kunde seit 2019',
          '2) Fee Frei',
          '- Ben Berg (Nachbar)',
          '- Ben Berg – Physiotherapeut, Tennisclub',
          '- Gerd Graf <gerd@graf.de>',
          'Hanna-Lena Holm',
        ].join('\n'),
      ),
    ).toEqual({
      people: [
        { name: 'Anna Alt' },
        { name: 'Ben Berg', notes: 'Physiotherapeut, Tennisclub\nNachbar' },
        { name: 'Cem Can' },
        { name: 'Dora Dahl', notes: 'Kundin' },
        { name: 'Emil Ernst', notes: 'Kunde seit 2019' },
        { name: 'Fee Frei' },
        { name: 'Gerd Graf', emails: ['gerd@graf.de'] },
        { name: 'Hanna-Lena Holm' },
      ],
      problems: [],
    });
    // An address in brackets after a name is the person's (a mail program would take it for a comment and lose it);
    // a dash or two between a name and what follows is no part of the name.
    expect(readNameList('Ida Iske (ida@iske.de)\nJan Jost - jan@jost.de\nKai Kern -- Kunde').people).toEqual([
      { name: 'Ida Iske', emails: ['ida@iske.de'] },
      { name: 'Jan Jost', emails: ['jan@jost.de'] },
      { name: 'Kai Kern', notes: 'Kunde' },
    ]);
    // One numbered line is no numbered list: "1. FC Köln" keeps its number.
    expect(readNameList('1. FC Köln\nAnna Alt').people.map((p) => p.name)).toEqual(['1. FC Köln', 'Anna Alt']);
    // A line that is all bracket or all dash keeps it as its name.
    expect(readNameList('(Anna)\n– Ben').people.map((p) => p.name)).toEqual(['(Anna)', 'Ben']);
  });

  it('reads names with addresses as mail programs copy them: several on a line, quoted, a comment, a group', () => {
    const { people, problems } = readNameList(
      [
        'Anna Alt <anna@alt.de>',
        'Bo Berg <bo@berg.de>, "Müller, Jürgen" <j@mueller.de>; Cem Cakir <cem@cakir.de>',
        'dora@dietz.de (Dora Dietz)',
        'Team: Emil Engel <emil@engel.de>, Fee Frei <fee@frei.de>;',
        'Gerd Graf',
      ].join('\n'),
    );
    expect(problems).toEqual([]);
    expect(people).toEqual([
      { name: 'Anna Alt', emails: ['anna@alt.de'] },
      { name: 'Bo Berg', emails: ['bo@berg.de'] },
      { name: 'Jürgen Müller', emails: ['j@mueller.de'] },
      { name: 'Cem Cakir', emails: ['cem@cakir.de'] },
      { name: 'Dora Dietz', emails: ['dora@dietz.de'] },
      { name: 'Emil Engel', emails: ['emil@engel.de'] },
      { name: 'Fee Frei', emails: ['fee@frei.de'] },
      { name: 'Gerd Graf' },
    ]);
  });

  it("turns round a name written family name first, as Outlook's directories write them; a line without addresses stays as written", () => {
    expect(
      readNameList(
        [
          'Müller-Lüdenscheidt, Dr. Jürgen <j@m.de>; "O\'Neill, Siobhán" <s@o.ie>',
          '"Acme, Inc. 2" <info@acme.example>',
          // A suffix after the comma is no given name.
          '"Jürgen Müller, Jr." <jr@m.de>; "Anna Alt, PhD" <a@alt.de>; "Bo Berg, III" <bo@berg.de>',
          'Alt, Anna',
        ].join('\n'),
      ).people.map((p) => p.name),
    ).toEqual([
      'Dr. Jürgen Müller-Lüdenscheidt',
      "Siobhán O'Neill",
      'Acme, Inc. 2',
      'Jürgen Müller, Jr.',
      'Anna Alt, PhD',
      'Bo Berg, III',
      'Alt, Anna',
    ]);
  });

  it('a name, then its address alone ("Anna Alt, anna@alt.de"); one person written twice has both addresses once', () => {
    expect(
      readNameList('Anna Alt, anna@alt.de\nAnna Alt; Anna@Alt.de\nanna alt <anna@studio-alt.de>\nAnna Alt').people,
    ).toEqual([{ name: 'Anna Alt', emails: ['anna@alt.de', 'anna@studio-alt.de'] }]);
  });

  it('says each line that cannot become people, by its number: an address without a name, no address, columns', () => {
    const { problems } = readNameList(
      [
        'Anna Alt <anna@alt.de>',
        'bo@berg.de',
        '',
        'Cem Cakir <cem@>',
        'Dora Dietz\tdora@dietz.de\tDietz GmbH',
        '"Emil" emil@engel.de fee@frei.de',
        'Gerd Graf <gerd@graf.de>, <hanna@vogel.de>',
      ].join('\r\n'),
    );
    expect(problems).toEqual([
      { line: 2, kind: 'noName', address: 'bo@berg.de' },
      { line: 4, kind: 'badAddress', address: 'cem@' },
      { line: 5, kind: 'columns' },
      { line: 6, kind: 'unclear' },
      { line: 7, kind: 'noName', address: 'hanna@vogel.de' },
    ]);
  });

  it("takes the addresses the forms take: an intranet's dotless host too", () => {
    expect(readNameList('Anna Alt <anna@intranet>').people).toEqual([{ name: 'Anna Alt', emails: ['anna@intranet'] }]);
  });

  it('a line with a problem gives none of its people', () => {
    expect(readNameList('Gerd Graf <gerd@graf.de>, hanna@vogel.de\nIda Iske').people).toEqual([{ name: 'Ida Iske' }]);
  });
});
