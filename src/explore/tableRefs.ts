// Which published tables a query needs, read from its text, so the engine downloads and loads only
// those before the first answer (the first canned question needs 1 of 15 tables) and the rest when
// a query names them. Over-counting is harmless (a column called like a table loads that table);
// a name missed (SQL built in a string, say) shows as a Catalog error, after which the engine loads
// everything and runs the query once more (engine.ts).

/** Words that mean "the catalogue itself": every table has to be there for the answer to be whole. */
const WHOLE_CATALOGUE = /^(information_schema|pg_catalog|sqlite_master|duckdb_\w+|show|pragma|pragma_\w+)$/;

/** Lower-cased identifiers of a query: bare words and "quoted" names, outside strings and comments. */
export function identifiers(sql: string): Set<string> {
  const out = new Set<string>();
  const token = /--[^\n]*|\/\*[\s\S]*?(?:\*\/|$)|[eE]?'(?:[^']|'')*'?|\$(\w*)\$[\s\S]*?(?:\$\1\$|$)|"((?:[^"]|"")*)"?|([\p{L}_][\p{L}\p{N}_$]*)/gu;
  for (const m of sql.matchAll(token)) {
    const name = m[2] !== undefined ? m[2].replaceAll('""', '"') : m[3];
    if (name !== undefined) out.add(name.toLowerCase());
  }
  return out;
}

/** The tables (of `names`) the query names, or null when it reads the catalogue and needs them all. */
export function tablesNamed(sql: string, names: readonly string[]): string[] | null {
  const ids = identifiers(sql);
  for (const id of ids) if (WHOLE_CATALOGUE.test(id)) return null;
  return names.filter((n) => ids.has(n.toLowerCase()));
}
