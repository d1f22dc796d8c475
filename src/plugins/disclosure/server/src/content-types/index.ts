import calendarDay from './calendar-day';

export default {
  'calendar-day': calendarDay,
};
