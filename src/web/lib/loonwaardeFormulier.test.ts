import { describe, expect, it } from 'vitest';
import { controleer, labels, legeMeting, type MetingWaarden } from './loonwaardeFormulier.js';

const ingevuld = (): MetingWaarden => ({
  ...legeMeting('2026-03-01'),
  volgendeMetingOp: '2027-03-01',
  werkgever: ' Bakkerij Van der Veen ',
  functie: 'Medewerker bakkerij',
  arbeidsurenPerWeek: '32',
  werkdagenPerWeek: '4',
  normfunctieNaam: 'Productiemedewerker bakkerij',
  normfunctieOmschrijving: 'Inpakken en schoonmaken',
  normurenPerWeek: '38',
  taken: [{ omschrijving: 'Inpakken', urenPerWeek: '7,5', tempo: '80 %', kwaliteit: '90', inzetbaarheid: '90', toelichting: '' }],
  methode: 'Methode X',
  kwalificatie: 'hbo, 5 jaar',
  hboOfGelijkwaardig: true,
  jarenErvaring: '5',
});

describe('loonwaarde form', () => {
  it('turns typed Dutch numbers into the API body', () => {
    const { body, fouten } = controleer(ingevuld());
    expect(fouten).toEqual({});
    expect(body).toMatchObject({
      werkplek: { werkgever: 'Bakkerij Van der Veen', arbeidsurenPerWeek: 32, werkdagenPerWeek: 4 },
      hoofdtaken: [{ omschrijving: 'Inpakken', urenPerWeek: 7.5, tempo: 80, kwaliteit: 90, inzetbaarheid: 90, toelichting: null }],
      kwalificatie: { hboOfGelijkwaardig: true, jarenErvaring: 5 },
    });
    expect(body).not.toHaveProperty('afwijking');
  });

  it('keys every error by the API field path, so server errors land on the same fields', () => {
    const { body, fouten } = controleer({ ...legeMeting('2026-03-01'), afwijken: true });
    expect(body).toBeNull();
    expect(Object.keys(fouten)).toEqual(
      expect.arrayContaining([
        'werkplek.werkgever',
        'normfunctie.urenPerWeek',
        'hoofdtaken.0.tempo',
        'volgendeMetingOp',
        'afwijking.loonwaarde',
        'afwijking.reden',
      ]),
    );
    const l = labels(1);
    for (const veld of Object.keys(fouten)) expect(l[veld], veld).toBeDefined();
  });

  it('refuses text in number fields and a fractional deviation', () => {
    const w = ingevuld();
    const { fouten } = controleer({
      ...w,
      taken: [{ ...w.taken[0]!, tempo: 'snel' }],
      afwijken: true,
      afwijkingLoonwaarde: '62,5',
      afwijkingReden: 'Een goede reden.',
    });
    expect(fouten).toEqual({
      'hoofdtaken.0.tempo': 'Vul een getal in, bijvoorbeeld 12 of 7,5.',
      'afwijking.loonwaarde': 'Vul een heel getal in van 0 tot en met 100.',
    });
  });
});
