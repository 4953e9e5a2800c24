// Documents left out of the dataset because they could not be read, each with why.
import { basename } from 'node:path';
import type { OutRow, TableSchema } from './types.ts';
import type { Reading } from './pool.ts';

export const quarantineSchema: TableSchema = {
  name: 'quarantine', zh: '未能读取而未收入数据集的文件（隔离）', en: 'Files left out of the dataset because they could not be read (quarantined), with the error',
  columns: [
    { name: 'source_file', type: 'VARCHAR', zh: '文件名（输入文件夹中）', en: 'file name in the input folder' },
    { name: 'source_sha256', type: 'VARCHAR', zh: '文件 SHA-256', en: 'SHA-256 of the file' },
    { name: 'error', type: 'VARCHAR', zh: '错误（为何未能读取）', en: 'the error: why the file could not be read' },
    { name: 'error_line', type: 'INTEGER', zh: '出错的原文行号（可知时）', en: 'line of the text the error is at, when known' },
    { name: 'error_table', type: 'VARCHAR', zh: '出错的表（可知时）', en: 'table the error is in, when known' },
  ],
};

/** The quarantine row of a file that could not be read; null for one that was. */
export function quarantineRow(r: Reading): OutRow | null {
  return 'error' in r.outcome ? {
    source_file: basename(r.job.path), source_sha256: r.sha256, error: r.outcome.error.message,
    error_line: r.outcome.error.line, error_table: r.outcome.error.table,
  } : null;
}
