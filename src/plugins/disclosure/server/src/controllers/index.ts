import compliance from './compliance';
import convert from './convert';
import workingDays from './working-days';

export default {
  compliance,
  convert,
  'working-days': workingDays,
};
