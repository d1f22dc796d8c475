import bilingualErrors from './bilingual-errors';

export default {
  'bilingual-errors': bilingualErrors,
};
