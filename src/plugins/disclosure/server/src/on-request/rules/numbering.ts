/** Case numbers: shared with the mailbox (utils/case-number). */
export * from '../../utils/case-number';
