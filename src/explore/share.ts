// The SQL lives in the URL fragment: /explore/#sql=<encoded>. The fragment never reaches the
// server, links stay readable (Chinese characters are left as they are) and opening one only
// fills the editor: nothing runs until the reader presses Run.

const PREFIX = '#sql=';

/** Percent-encode what a fragment can't hold or we parse on (%, #, &, +, spaces, quotes, <>…); keep letters and digits of any script. */
export function encodeSql(sql: string): string {
  return sql.replace(/[^\p{L}\p{N}\-_.~!*'(),;:@/?=]/gu, (c) => encodeURIComponent(c));
}

/** `#sql=…` for a query. */
export function sqlHash(sql: string): string {
  return PREFIX + encodeSql(sql);
}

/** The SQL in a location.hash, or null if there is none (or it is not valid percent-encoding). */
export function sqlFromHash(hash: string): string | null {
  if (!hash.startsWith(PREFIX)) return null;
  try {
    return decodeURIComponent(hash.slice(PREFIX.length));
  } catch {
    return null;
  }
}

/** SQL string literal. */
export function sqlString(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}
