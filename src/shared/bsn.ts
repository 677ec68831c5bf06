/**
 * BSN 11-proef: 9 digits (8-digit numbers get a leading 0), weights 9..2 and -1 on the last digit,
 * the sum divisible by 11. Passing does not prove the number was issued. [REFERENCE.md §8]
 */
export function isValidBsn(input: string): boolean {
  const value = input.length === 8 ? `0${input}` : input;
  if (!/^\d{9}$/.test(value)) return false;
  if (value === '000000000') return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(value[i]) * (9 - i);
  sum -= Number(value[8]);
  return sum % 11 === 0;
}

export function normalizeBsn(input: string): string {
  const digits = input.replace(/[\s.-]/g, '');
  return digits.length === 8 ? `0${digits}` : digits;
}

/** Masked for display: only the last three digits show. */
export function maskBsn(lastDigits: string | null | undefined): string | null {
  if (!lastDigits) return null;
  return `******${lastDigits}`;
}

/**
 * Masks every 8- or 9-digit run that passes the 11-proef, e.g. a BSN someone typed into a search
 * box that ended up in a URL. Used for log lines, so a BSN never reaches a log.
 */
export function redactBsnLike(text: string): string {
  return text.replace(/(?<!\d)\d{8,9}(?!\d)/g, (run) => (isValidBsn(run) ? '[bsn]' : run));
}
