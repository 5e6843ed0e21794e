import { ok } from '../../contract/errors';
import type { AuditFilter } from '../../contract/requests/audit';
import type { Handlers } from '../dispatch';
import { formatAudit } from './audit-export';
import type { AuditLog, AuditQuery } from './audit-log';

export function auditHandlers(log: AuditLog): Pick<Handlers, 'audit.query' | 'audit.export'> {
  return {
    'audit.query': async ({ limit, ...filter }) => {
      const { entries, unreadable } = await log.scan(toQuery(filter));
      return ok({ entries: entries.slice(-limit).reverse(), truncated: entries.length > limit, ...unreadableCount(unreadable) });
    },
    'audit.export': async ({ format, ...filter }) => {
      const { entries, unreadable } = await log.scan(toQuery(filter));
      return ok({ format, text: formatAudit(entries, format), count: entries.length, ...unreadableCount(unreadable) });
    },
  };
}

/** Said only when some lines could not be read. */
const unreadableCount = (unreadable: number) => (unreadable > 0 ? { unreadable } : {});

export function toQuery(filter: AuditFilter): AuditQuery {
  return {
    ...(filter.from !== undefined ? { fromMs: Date.parse(filter.from) } : {}),
    ...(filter.to !== undefined ? { toMs: Date.parse(filter.to) } : {}),
    ...(filter.rigId !== undefined ? { rigId: filter.rigId } : {}),
  };
}
