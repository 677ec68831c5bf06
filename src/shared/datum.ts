/**
 * Today's date in the Netherlands (ISO, YYYY-MM-DD): the date a decision, a referral or a deadline
 * is about, whatever the server's clock zone. `new Date().toISOString().slice(0, 10)` is the date in
 * UTC, which is still yesterday for an hour (winter) or two (summer) after Dutch midnight — a form
 * that offers today's date was then refused as "in the future". The database uses the same zone
 * (db/pool.ts sets every session's TimeZone), so SQL's `current_date` agrees with this.
 */
export const NEDERLANDSE_TIJDZONE = 'Europe/Amsterdam';

const formaat = new Intl.DateTimeFormat('en-CA', { timeZone: NEDERLANDSE_TIJDZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The last answer, per minute: the Dutch date changes only on a whole hour of UTC, and formatting costs microseconds (an import asks per row). */
let laatste = { minuut: Number.NaN, datum: '' };

export function vandaag(nu: Date = new Date()): string {
  const minuut = Math.floor(nu.getTime() / 60_000);
  if (minuut !== laatste.minuut) laatste = { minuut, datum: formaat.format(nu) };
  return laatste.datum;
}
