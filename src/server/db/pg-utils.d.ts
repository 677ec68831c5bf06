/** node-postgres' own parameter serialisation (lib/utils.js, not typed by @types/pg). */
declare module 'pg/lib/utils.js' {
  /** A parameter as node-postgres sends it: arrays as a PostgreSQL array literal, a string as it is. */
  export function prepareValue(value: unknown): unknown;
}
