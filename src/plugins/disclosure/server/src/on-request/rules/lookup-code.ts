/** The applicant's lookup code: shared with the mailbox (utils/lookup-code). */
export * from '../../utils/lookup-code';
