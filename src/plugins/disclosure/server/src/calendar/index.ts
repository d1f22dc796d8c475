import calendarDay from './content-types/calendar-day';
import calendarController from './controllers/calendar';
import routes from './routes';
import calendar from './services/calendar';
import clock from './services/clock';
import type { Capability } from '../utils/capability';

/** 节假日安排 and working days: the office's calendar, Beijing time, and the plugin's clock. */
export default {
  services: { calendar, clock },
  controllers: { calendar: calendarController },
  contentTypes: { 'calendar-day': calendarDay },
  routes,
} satisfies Capability;
