// BullMQ refuses custom job ids that look like integers or contain ':' (both clash with its
// own key layout). Such ids are stored as '~' + base64url(id); every other id is stored as is,
// so event UUIDs stay readable in Redis. The mapping is reversible and one-to-one because
// ids kept as is never start with '~'.
const ESCAPE = '~';

export function toBullJobId(id: string): string {
  const rejectedByBullMq = `${parseInt(id, 10)}` === id || id.includes(':');
  if (!rejectedByBullMq && !id.startsWith(ESCAPE)) return id;
  return ESCAPE + Buffer.from(id, 'utf8').toString('base64url');
}

export function fromBullJobId(jobId: string): string {
  if (!jobId.startsWith(ESCAPE)) return jobId;
  return Buffer.from(jobId.slice(ESCAPE.length), 'base64url').toString('utf8');
}
