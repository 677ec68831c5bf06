/** Decision letters in plain Dutch (B1): one for the person, one for the employer. Pure text. */
import { BEGRIPPEN, type JobcoachAdvies, REGIME_LABELS } from './protocol.js';

const datum = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const uren = (x: number) => x.toLocaleString('nl-NL', { maximumFractionDigits: 1 });

export function briefVoorPersoon(a: JobcoachAdvies, naam: string, gemeente: string, evaluatieOp: string): string {
  const regels = [
    `Beste ${naam},`,
    '',
    `U krijgt hulp van een jobcoach op uw werk. In deze brief leest u hoeveel hulp dat is, en waarom.`,
    '',
    `Hoeveel hulp: ${uren(a.urenPerHalfjaar)} uur per half jaar. Dat is ongeveer ${uren(a.urenPerHalfjaar / 26)} uur per week.`,
    `Soort begeleiding: ${REGIME_LABELS[a.regime]}.`,
    '',
    'Waarom:',
    ...a.argumenten.filter((x) => x.score >= 2).map((x) => `- ${BEGRIPPEN[x.begrip].vraag} Antwoord: ${x.antwoord.replace(/_/g, ' ')}.`),
    ...(a.argumenten.every((x) => x.score < 2) ? ['- U heeft op de meeste punten weinig hulp nodig.'] : []),
    ...(a.afgeweken ? ['', 'Uw begeleider heeft een andere keuze gemaakt dan het eerste advies. De reden staat hieronder.'] : []),
    ...a.toelichting.map((t) => `- ${t}`),
    '',
    `Op ${datum(evaluatieOp)} kijken we samen hoe het gaat. Dan bepalen we of u meer, minder of dezelfde hulp krijgt.`,
    'Bent u het niet eens met dit besluit? Bel of mail uw klantmanager. U kunt ook bezwaar maken binnen 6 weken.',
    '',
    `Met vriendelijke groet,`,
    gemeente,
  ];
  return regels.join('\n');
}

export function briefVoorWerkgever(a: JobcoachAdvies, gemeente: string, evaluatieOp: string): string {
  return [
    'Geachte werkgever,',
    '',
    `De gemeente kent jobcoaching toe voor uw medewerker: regime ${REGIME_LABELS[a.regime]}, ${uren(a.percentage)}% van de werkuren,`,
    `dat is ${uren(a.urenPerHalfjaar)} uur per half jaar (${uren(a.werkurenPerHalfjaar)} werkuren per half jaar).`,
    'De uren worden vooraf per half jaar vastgesteld volgens de tabel van het Protocol Jobcoach en niet achteraf verrekend.',
    ...(a.begrensdDoorBeleid ? ['De uren zijn begrensd door het beleid van de gemeente.'] : []),
    `Evaluatie: ${datum(evaluatieOp)}. Wij vragen dan uw ervaring, het aantal uren en contactmomenten en een bijgewerkt begeleidingsplan.`,
    'Is uw medewerker langer dan 4 weken niet aan het werk, meld dit dan; de uren worden dan naar rato verlaagd.',
    '',
    'Met vriendelijke groet,',
    gemeente,
  ].join('\n');
}
