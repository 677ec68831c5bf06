import { prepareValue } from 'pg/lib/utils.js';

/**
 * A statement parameter serialised now, exactly as node-postgres would when sending it (`prepareValue`:
 * an array becomes a PostgreSQL array literal, a string is sent as it is), so a caller can do it ahead
 * of the transaction. Arrays are built here in one pass: node-postgres concatenates an array literal
 * element by element and runs two regular expressions over every element, which for an import batch
 * (thousands of rows, ~30 columns) was the largest single source of garbage in the process.
 * `parameter.test.ts` holds the two to each other on generated values.
 */
export function alsParameter(waarde: unknown): string | null {
  if (waarde == null) return null;
  if (Array.isArray(waarde)) return arrayLiteral(waarde);
  return prepareValue(waarde) as string | null;
}

const BIJZONDER = /["\\]/;

function arrayLiteral(waarden: readonly unknown[]): string {
  // The common case — only strings that need no escaping — in one join.
  let eenvoudig = true;
  for (const w of waarden) {
    if (typeof w !== 'string' || BIJZONDER.test(w)) {
      eenvoudig = false;
      break;
    }
  }
  if (eenvoudig) return waarden.length === 0 ? '{}' : `{"${(waarden as readonly string[]).join('","')}"}`;
  const delen = new Array<string>(waarden.length);
  for (let i = 0; i < waarden.length; i++) delen[i] = element(waarden[i]);
  return `{${delen.join(',')}}`;
}

function element(w: unknown): string {
  if (w == null) return 'NULL';
  if (Array.isArray(w)) return arrayLiteral(w);
  // Binary data and anything else: node-postgres' own serialisation of that element.
  if (typeof w !== 'string') return (prepareValue([w]) as string).slice(1, -1);
  return BIJZONDER.test(w) ? `"${w.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"` : `"${w}"`;
}

/**
 * An array parameter built a part at a time (`alsParameter` of the whole list, exactly): `deelKlaar`
 * turns the values added so far into literal text, so a batch's values need not stay in memory as
 * objects until the statement is sent.
 */
export class ArrayParameter {
  private readonly delen: string[] = [];
  private deel: unknown[] = [];

  voegToe(waarde: unknown): void {
    this.deel.push(waarde);
  }

  deelKlaar(): void {
    if (this.deel.length === 0) return;
    this.delen.push(arrayLiteral(this.deel).slice(1, -1));
    this.deel = [];
  }

  klaar(): string {
    this.deelKlaar();
    return `{${this.delen.join(',')}}`;
  }
}
