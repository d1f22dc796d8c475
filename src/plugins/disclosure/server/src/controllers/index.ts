import compliance from './compliance';
import convert from './convert';
import translationLocks from './translation-locks';
import workingDays from './working-days';

export default {
  compliance,
  convert,
  'translation-locks': translationLocks,
  'working-days': workingDays,
};
