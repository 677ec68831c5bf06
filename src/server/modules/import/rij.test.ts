import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImportStroom, JsonArraySplitter } from './bron.js';
import { IMPORT_KOLOMMEN, type RijFout, valideerRij } from './rij.js';

const goed = {
  extern_id: 'ZW-1',
  voornaam: 'Anna',
  tussenvoegsel: 'de',
  achternaam: 'Vries',
  geboortedatum: '1990-05-01',
  bsn: '111222333',
  email: 'anna@example.nl',
  telefoon: '06-12345678',
  postcode: '8011ab',
  woonplaats: 'Zwolle',
  wensen: 'Ik werk graag buiten in het groen.',
  kwaliteiten: 'Betrouwbaar en altijd op tijd.',
  sectoren: 'groen|logistiek',
  gewenste_functies: 'Medewerker groenvoorziening',
  opleidingsniveau: 'entree',
  uren_min: '16',
  uren_max: '24,5',
  beschikbaar_vanaf: '2026-01-01',
  werkcondities: 'werkt_graag_buiten|geen_zwaar_tilwerk',
  banenafspraak: 'ja',
  toestemming_kandidaatprofiel: 'ja',
};

function alles(tekst: string, chunk = 7) {
  const s = new ImportStroom();
  const uit = [];
  for (let i = 0; i < tekst.length; i += chunk) uit.push(...s.feed(tekst.slice(i, i + chunk)));
  uit.push(...s.end());
  const fouten: RijFout[] = uit.flatMap((u) => ('fouten' in u ? u.fouten : []));
  const rijen = uit.flatMap((u) => ('rij' in u ? [u.rij] : []));
  return { s, rijen, fouten };
}

describe('valideerRij', () => {
  it('accepts a complete row and normalizes it', () => {
    const r = valideerRij(2, goed);
    expect('rij' in r).toBe(true);
    if (!('rij' in r)) return;
    expect(r.rij.persoon.postcode).toBe('8011 AB');
    expect(r.rij.profiel.sectoren).toEqual(['groen', 'logistiek']);
    expect(r.rij.profiel.urenMax).toBe(24.5);
    expect(r.rij.profiel.banenafspraak).toBe(true);
    expect(r.rij.toestemming).toBe(true);
  });

  it('absent fields stay absent, empty ones clear', () => {
    const r = valideerRij(2, { extern_id: 'x', voornaam: 'A', achternaam: 'B', geboortedatum: '1990-01-01', email: '' });
    if (!('rij' in r)) throw new Error('expected a row');
    expect('woonplaats' in r.rij.persoon).toBe(false);
    expect(r.rij.persoon.email).toBeNull();
    expect(r.rij.profiel).toEqual({});
    expect(r.rij.toestemming).toBeUndefined();
  });

  it.each([
    ['geboortedatum', '1990-02-30', 'geen geldige datum'],
    ['geboortedatum', '01-05-1990', 'geen geldige datum'],
    ['bsn', '123456789', '11-proef'],
    ['email', 'geen-mail', 'e-mailadres'],
    ['postcode', '0123AB', 'postcode'],
    ['sectoren', 'groen|ruimtevaart', 'ruimtevaart'],
    ['werkcondities', 'zwemmen', 'werkomstandigheid'],
    ['opleidingsniveau', 'phd', 'opleidingsniveau'],
    ['uren_min', 'veel', 'uren'],
    ['uren_max', '10', 'kleiner'],
    ['banenafspraak', 'misschien', "'ja' of 'nee'"],
    ['wensen', 'Bel me op 06-12345678', 'telefoonnummer'],
    ['voornaam', '', 'Verplicht'],
    ['extern_id', 'met spatie', 'letters'],
    ['woonplaats', 'Zw\uFFFDlle', 'UTF-8'],
    ['wensen', 'x'.repeat(10_000), 'te lang (10000 tekens'],
    ['wensen', 'graag\u0007buiten', 'ongeldig teken'],
    ['achternaam', 'Jansen\u007f', 'ongeldig teken'],
    ['kwaliteiten', 'half \uD83D teken', 'ongeldig teken'],
    ['voornaam', 'An\uDE00na', 'ongeldig teken'],
  ])('refuses %s (case %#)', (veld, waarde, reden) => {
    const r = valideerRij(5, { ...goed, [veld]: waarde });
    expect('fouten' in r).toBe(true);
    if (!('fouten' in r)) return;
    expect(
      r.fouten.some((f) => f.regel === 5 && f.veld === veld && f.reden.includes(reden)),
      JSON.stringify(r.fouten),
    ).toBe(true);
  });

  it('accepts what only looks suspicious: a whole emoji (a surrogate pair), tabs and line breaks', () => {
    const r = valideerRij(5, { ...goed, wensen: 'Buiten werken \uD83D\uDE00\tmet dieren\r\nen planten', voornaam: 'Zoë' });
    expect('rij' in r && r.rij.profiel.wensen).toBe('Buiten werken \uD83D\uDE00\tmet dieren\r\nen planten');
  });

  it('never repeats a BSN in a reason', () => {
    const r = valideerRij(5, { ...goed, bsn: '123456789' });
    expect(JSON.stringify(r)).not.toContain('123456789');
  });
});

describe('ImportStroom', () => {
  const kop = IMPORT_KOLOMMEN.join(';');
  const regel = (o: Record<string, string>) => IMPORT_KOLOMMEN.map((k) => o[k] ?? '').join(';');

  it('reads the documented template: every example row is valid', () => {
    const { rijen, fouten, s } = alles(fs.readFileSync('docs/import-template.csv', 'utf8'));
    expect(fouten).toEqual([]);
    expect(s.fataal).toBeNull();
    expect(rijen.length).toBeGreaterThanOrEqual(2);
  });

  it('reports every broken row with its line and keeps the good ones', () => {
    const tekst = [
      kop,
      regel(goed),
      regel({ ...goed, extern_id: 'ZW-2', bsn: '', geboortedatum: '1990-13-01' }),
      'ZW-3;Piet',
      regel({ ...goed, extern_id: 'ZW-1', bsn: '' }),
      regel({ ...goed, extern_id: 'ZW-4', bsn: '', wensen: 'y'.repeat(10_000) }),
      regel({ ...goed, extern_id: 'ZW-5', bsn: '', voornaam: 'J\uFFFDrgen' }),
      regel({ ...goed, extern_id: 'ZW-6', bsn: '' }),
      '',
    ].join('\r\n');
    const { rijen, fouten } = alles(tekst, 100);
    expect(rijen.map((r) => r.externId)).toEqual(['ZW-1', 'ZW-6']);
    expect(fouten.map((f) => [f.regel, f.veld])).toEqual([
      [3, 'geboortedatum'],
      [4, '(regel)'],
      [5, 'extern_id'],
      [6, 'wensen'],
      [7, 'voornaam'],
    ]);
    expect(fouten[1]!.reden).toContain('ontbrekende kolommen');
    expect(fouten[2]!.reden).toContain('regel 2');
  });

  it('refuses a header without the required columns as a whole', () => {
    const { s } = alles('naam;geboortedatum\nA;1990-01-01\n');
    expect(s.fataal?.map((f) => f.veld)).toEqual(['extern_id', 'voornaam', 'achternaam', 'naam']);
  });

  it('reads a JSON array in small chunks, numbering the items', () => {
    const items = [
      { extern_id: 'J-1', voornaam: 'A', achternaam: 'B', geboortedatum: '1990-01-01', sectoren: ['groen'], uren_min: 8, banenafspraak: true },
      { extern_id: 'J-2', voornaam: 'C "}', achternaam: 'D', geboortedatum: 'nooit' },
      { voornaam: 'E' },
    ];
    const { rijen, fouten } = alles(JSON.stringify(items, null, 2), 3);
    expect(rijen.map((r) => r.externId)).toEqual(['J-1']);
    expect(rijen[0]!.profiel).toMatchObject({ sectoren: ['groen'], urenMin: 8, banenafspraak: true });
    expect(fouten.map((f) => f.veld)).toEqual(['geboortedatum', 'extern_id', 'achternaam', 'geboortedatum']);
    // Items are numbered (minified JSON has every item on line 1): the second and third item.
    expect(fouten.map((f) => f.regel)).toEqual([2, 3, 3, 3]);
  });

  it('reads JSON Lines and reports a broken line', () => {
    const { rijen, fouten } = alles(
      `${JSON.stringify({ extern_id: 'L-1', voornaam: 'A', achternaam: 'B', geboortedatum: '1990-01-01' })}\n{kapot\n${JSON.stringify({ extern_id: 'L-2', voornaam: 'A', achternaam: 'B', geboortedatum: '1990-01-01' })}\n`,
    );
    expect(rijen.map((r) => r.externId)).toEqual(['L-1', 'L-2']);
    expect(fouten).toEqual([{ regel: 2, veld: '(regel)', reden: 'Geen geldige JSON.' }]);
  });

  it('reports an unclosed JSON array', () => {
    const j = new JsonArraySplitter();
    expect(j.feed('[{"a":1},')).toHaveLength(1);
    expect(j.end()?.fout).toContain('niet gesloten');
  });

  it('an empty file is fatal', () => {
    expect(alles('').s.fataal?.[0]?.reden).toBe('Het bestand is leeg.');
  });
});
