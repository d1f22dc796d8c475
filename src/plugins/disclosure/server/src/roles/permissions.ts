import { PERMISSION_ACTIONS } from '../../../shared/constants';

/** The plugin's admin permissions as the role editor lists them (registered in one place: organization-roles). */
export const PLUGIN_ACTIONS: ReadonlyArray<{ uid: string; displayName: string }> = [
  // The auditor (审计员) reads the ledger, which is also the audit log, and nothing else.
  {
    uid: PERMISSION_ACTIONS.readLedger,
    displayName: '查看发布台账与审计日志 (Read the ledger and audit log)',
  },
  {
    uid: PERMISSION_ACTIONS.recordReview,
    displayName: '记录保密审查 (Record the confidentiality review)',
  },
  // Who may change the holiday calendar and the conversion dictionary is a permission of its own.
  {
    uid: PERMISSION_ACTIONS.manageSettings,
    displayName:
      '管理节假日安排与简繁转换词典 (Manage the holiday calendar and the conversion dictionary)',
  },
];
