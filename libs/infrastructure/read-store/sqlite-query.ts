// Turns the ReadStore query shape into SQL over `(id TEXT PRIMARY KEY, doc TEXT)` tables.
// Field names are validated before they get here (read-store-guards) and are written into
// the SQL text on purpose: SQLite only uses an expression index when the query repeats
// the indexed expression literally, which a bound JSON path would not.
import type { Filter, FindOptions } from './read-store.port';
import { type FilterValue, type RangeOperator, type RangeValue, rangeBounds } from './read-store-guards';

export type SqlParam = string | number | null;

export interface SqlWhere {
  /** Empty, or `WHERE …`. */
  sql: string;
  params: SqlParam[];
}

const COMPARATORS: Record<RangeOperator, string> = { gt: '>', gte: '>=', lt: '<', lte: '<=' };
/** Matches nothing: used where MongoDB's type-strict comparison would match nothing. */
const NOTHING = '0';

/** `id` has its own column; every other field lives in the JSON document. */
export function fieldExpression(field: string): string {
  return field === 'id' ? 'id' : `json_extract(doc, '$.${field}')`;
}

export function whereClause(filter: Filter, range?: FindOptions['range']): SqlWhere {
  const conditions: string[] = [];
  const params: SqlParam[] = [];
  for (const [field, value] of Object.entries(filter)) {
    const condition = equality(field, value);
    conditions.push(condition.sql);
    params.push(...condition.params);
  }
  if (range) {
    for (const [op, value] of rangeBounds(range)) {
      const condition = comparison(range.field, op, value);
      conditions.push(condition.sql);
      params.push(...condition.params);
    }
  }
  return { sql: conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`, params };
}

/** Always ends with `id`, so equal keys come back in the same order in every adapter. */
export function orderByClause(sort: FindOptions['sort'] = []): string {
  const keys = sort.map(({ field, direction }) => `${fieldExpression(field)} ${direction === 'asc' ? 'ASC' : 'DESC'}`);
  if (!sort.some(({ field }) => field === 'id')) keys.push('id ASC');
  return `ORDER BY ${keys.join(', ')}`;
}

export function indexName(table: string, field: string, unique: boolean): string {
  return `${unique ? 'ux' : 'ix'}_${table}_${field}`;
}

/** Recovers the field from SQLite's "UNIQUE constraint failed: index 'ux_<table>_<field>'". */
export function fieldOfUniqueIndex(table: string, message: string): string | undefined {
  const prefix = `index '${indexName(table, '', true)}`;
  const start = message.indexOf(prefix);
  if (start < 0) return undefined;
  const rest = message.slice(start + prefix.length);
  const end = rest.indexOf("'");
  return end > 0 ? rest.slice(0, end) : undefined;
}

interface Condition {
  sql: string;
  params: SqlParam[];
}

// json_extract turns JSON true/false into 1/0 and returns objects as JSON text, so each
// comparison also checks json_type: true must not equal 1, nor '{}' equal an object.
// The json_extract term comes first so an expression index can serve it.
function equality(field: string, value: FilterValue): Condition {
  const expr = fieldExpression(field);
  if (value === null) return { sql: `${expr} IS NULL`, params: [] };
  if (field === 'id') return typeof value === 'string' ? { sql: 'id = ?', params: [value] } : { sql: NOTHING, params: [] };
  if (typeof value === 'boolean') {
    return { sql: `${expr} = ? AND ${typeExpression(field)} = '${value ? 'true' : 'false'}'`, params: [value ? 1 : 0] };
  }
  return { sql: `${expr} = ? AND ${typeCheck(field, value)}`, params: [value] };
}

function comparison(field: string, op: RangeOperator, value: RangeValue): Condition {
  const sql = `${fieldExpression(field)} ${COMPARATORS[op]} ?`;
  if (field === 'id') return typeof value === 'string' ? { sql, params: [value] } : { sql: NOTHING, params: [] };
  return { sql: `${sql} AND ${typeCheck(field, value)}`, params: [value] };
}

function typeCheck(field: string, value: RangeValue): string {
  return typeof value === 'string' ? `${typeExpression(field)} = 'text'` : `${typeExpression(field)} IN ('integer', 'real')`;
}

function typeExpression(field: string): string {
  return `json_type(doc, '$.${field}')`;
}
