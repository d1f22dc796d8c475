import workingDays from './working-days';

export default {
  'working-days': workingDays,
};
