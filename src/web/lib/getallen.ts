/** Numbers as Dutch users type and read them: a decimal comma, euros with two decimals. */
import { vandaag } from '../../shared/datum.js';

const euroFormaat = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const getalFormaat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });

/** € 1.088,26 */
export function euro(x: number): string {
  return euroFormaat.format(x);
}

/** 1.088,3 (at most two decimals, no trailing zeros) */
export function getal(x: number): string {
  return getalFormaat.format(x);
}

/**
 * Reads a typed number: "32", "32,5", "32.5", " 60 % ". Returns null when empty, NaN when it is not
 * a number. A dot followed by exactly three digits is read as a thousands separator ("1.200").
 */
export function leesGetal(invoer: string): number | null {
  let s = invoer.trim().replace(/\s|%|€/g, '');
  if (s === '') return null;
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) s = s.replace(/\./g, '');
  s = s.replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return Number.NaN;
  return Number(s);
}

/** Today as YYYY-MM-DD in the Dutch time zone (the server's "today" too). */
export const vandaagIso = (): string => vandaag();

/** A real calendar date in YYYY-MM-DD form. */
export function isIsoDatum(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
