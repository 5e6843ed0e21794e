import type { MotifBridge } from '../../../src-main/contract/bridge';
import type { MotifError } from '../../../src-main/contract/errors';
import type { AuditEntry, AuditFilter } from '../../../src-main/contract/requests/audit';
import type { AppSlice } from '../../store/app-store';

export const AUDIT_PAGE_LIMIT = 2000;

export interface AuditSlice {
  auditEntries: AuditEntry[];
  auditTruncated: boolean;
  auditLoading: boolean;
  auditError: MotifError | null;
  queryAudit(filter: AuditFilter): Promise<void>;
}

export const auditSlice =
  (bridge: MotifBridge): AppSlice<AuditSlice> =>
  (set) => ({
    auditEntries: [],
    auditTruncated: false,
    auditLoading: false,
    auditError: null,
    async queryAudit(filter) {
      set({ auditLoading: true });
      const r = await bridge.call('audit.query', { ...filter, limit: AUDIT_PAGE_LIMIT });
      set(
        r.ok
          ? { auditEntries: r.value.entries, auditTruncated: r.value.truncated, auditLoading: false, auditError: null }
          : { auditLoading: false, auditError: r.error },
      );
    },
  });
