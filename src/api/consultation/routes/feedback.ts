import * as api from '../../../plugins/disclosure/shared/contracts/public-api';

/** The public's opinions on an open consultation: no account needed, so limited per client address. */
export default {
  routes: [
    {
      method: 'POST',
      path: '/consultations/:documentId/feedback',
      handler: 'api::consultation.consultation.submitFeedback',
      // For the OpenAPI description (docs/openapi.md); the service's validation decides.
      request: {
        params: api.consultationFeedbackParams,
        body: { 'application/json': api.consultationFeedbackBody },
      },
      response: api.consultationFeedbackAnswer,
      config: {
        auth: false,
        middlewares: [
          { name: 'plugin::disclosure.rate-limit', config: { max: 10, perSeconds: 600 } },
        ],
      },
    },
  ],
};
