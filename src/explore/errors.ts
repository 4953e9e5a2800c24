// DuckDB error → words and a position in the query. The engine runs with errors_as_json, so a
// message is JSON with exception_type, exception_message and (often) position: an offset in the
// query's UTF-8 bytes, which we turn into a line and column the reader can find.

export interface QueryError {
  /** e.g. "Parser", "Binder", "Catalog" (empty if unknown). */
  type: string;
  /** In Chinese: what kind of problem this is. */
  title: string;
  /** DuckDB's own message. */
  message: string;
  /** Offset in the query (JavaScript string index), line and column (1-based), if DuckDB gave one. */
  position: { offset: number; line: number; column: number } | null;
}

const TITLES: Record<string, string> = {
  Parser: 'SQL 语法错误',
  Binder: '名称无法解析（列名、表名或函数写错了？）',
  Catalog: '找不到表、视图或函数',
  Conversion: '类型转换失败',
  'Invalid Input': '输入无效',
  'Out of Range': '数值超出范围',
  Permission: '此处不允许这样操作',
  'Out of Memory': '内存不足',
  Interrupt: '查询被中断',
  Constraint: '违反约束',
  'Not implemented': '尚不支持的功能',
  Dependency: '依赖关系错误',
  Transaction: '事务错误',
  Invalid: '查询失败',
};

/** Offset in UTF-8 bytes → offset in the JS string. */
function charOffset(sql: string, bytes: number): number {
  const enc = new TextEncoder();
  let b = 0;
  let i = 0;
  for (const ch of sql) {
    if (b >= bytes) break;
    b += enc.encode(ch).length;
    i += ch.length;
  }
  return i;
}

export function locate(sql: string, offset: number): { offset: number; line: number; column: number } {
  const before = sql.slice(0, offset);
  const lines = before.split('\n');
  return { offset, line: lines.length, column: [...lines[lines.length - 1]!].length + 1 };
}

export function parseError(err: unknown, sql: string): QueryError {
  const text = err instanceof Error ? err.message : String(err);
  const brace = text.indexOf('{');
  if (brace >= 0) {
    try {
      const j = JSON.parse(text.slice(brace)) as { exception_type?: string; exception_message?: string; position?: string | number };
      const type = j.exception_type ?? '';
      const pos = j.position === undefined ? NaN : Number(j.position);
      return {
        type,
        title: TITLES[type] ?? '查询失败',
        message: j.exception_message ?? text,
        position: Number.isFinite(pos) && pos >= 0 ? locate(sql, charOffset(sql, pos)) : null,
      };
    } catch {
      // not JSON: fall through
    }
  }
  // Plain text: "Parser Error: syntax error at or near …\n\nLINE 1: …"
  const m = /^([A-Za-z ]+) Error: ([\s\S]*)$/.exec(text);
  const type = m ? m[1]! : '';
  const message = (m ? m[2]! : text).split(/\n\nLINE \d+:/)[0]!.trim();
  return { type, title: TITLES[type] ?? '查询失败', message, position: null };
}

/** "SQL 语法错误：syntax error at or near "SELEC"（第 1 行第 1 列）" */
export function describeError(e: QueryError): string {
  const where = e.position ? `（第 ${e.position.line} 行第 ${e.position.column} 列）` : '';
  return `${e.title}${where}：${e.message}`;
}
