import calendar from './calendar';
import catalogue from './catalogue';
import clock from './clock';
import consultation from './consultation';
import documentServiceMiddleware from './document-service-middleware';
import interpretation from './interpretation';
import locales from './locales';
import publicAccess from './public-access';

export default {
  calendar,
  catalogue,
  clock,
  consultation,
  'document-service-middleware': documentServiceMiddleware,
  interpretation,
  locales,
  'public-access': publicAccess,
};
