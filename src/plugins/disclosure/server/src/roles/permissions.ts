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
  // 依申请公开: each held to the account's organization and those below it (the service checks the
  // case's organization, as the content manager's conditions do for the catalogue).
  {
    uid: PERMISSION_ACTIONS.registerApplications,
    displayName:
      '登记依申请公开申请、确认收到、补正 (Register on-request applications, confirm receipt, corrections)',
  },
  {
    uid: PERMISSION_ACTIONS.handleApplications,
    displayName:
      '承办依申请公开申请、起草答复 (Handle on-request applications and draft the reply)',
  },
  {
    uid: PERMISSION_ACTIONS.approveApplications,
    displayName: '审批依申请公开答复 (Approve on-request replies)',
  },
  {
    uid: PERMISSION_ACTIONS.extendApplications,
    displayName: '批准延期答复 (Approve an extension of the reply period)',
  },
  {
    uid: PERMISSION_ACTIONS.deliverApplications,
    displayName: '送达依申请公开答复并归档 (Deliver on-request replies and archive the case)',
  },
  // 意见箱 and 领导信箱: each held to the account's organization and those below it (the service checks).
  {
    uid: PERMISSION_ACTIONS.manageMessages,
    displayName:
      '管理意见箱、领导信箱：受理、转办、交办、发送答复 (Manage the mailbox: accept, route, assign, send replies)',
  },
  {
    uid: PERMISSION_ACTIONS.handleMessages,
    displayName: '承办来信、起草答复 (Handle messages and draft the reply)',
  },
  {
    uid: PERMISSION_ACTIONS.approveMessages,
    displayName: '审批来信答复 (Approve replies to messages)',
  },
];
