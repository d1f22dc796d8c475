/** The public's opinions on an open consultation: no account needed, so limited per client address. */
export default {
  routes: [
    {
      method: 'POST',
      path: '/consultations/:documentId/feedback',
      handler: 'api::consultation.consultation.submitFeedback',
      config: {
        auth: false,
        middlewares: [
          { name: 'plugin::disclosure.rate-limit', config: { max: 10, perSeconds: 600 } },
        ],
      },
    },
  ],
};
