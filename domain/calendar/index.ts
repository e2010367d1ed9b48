// Calendar for the rota: 'YYYY-MM-DD' dates, ISO weeks, Europe/Oslo time and DST, Norwegian public holidays and wording.
export * from './dates';
export * from './isoWeek';
export * from './oslo';
export * from './holidays';
export * from './format';
