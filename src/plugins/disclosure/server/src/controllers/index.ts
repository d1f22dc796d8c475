import compliance from './compliance';
import workingDays from './working-days';

export default {
  compliance,
  'working-days': workingDays,
};
