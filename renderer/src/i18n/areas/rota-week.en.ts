// English texts of the rota week screens' additions: go to a week or date, a shift saved in another week, private absences.
import type { rotaWeekNb } from './rota-week.nb';

export const rotaWeekEn: Record<keyof typeof rotaWeekNb, string> = {
  'rota.absencePrivate': 'Absent',
  'week.goTo': 'Go to week or date',
  'week.goToHint': 'Week number (14 or 14/2027) or date (dd.mm.yyyy)',
  'week.goToButton': 'Go',
  'week.goToInvalid': 'No week or date was found in what you typed. Type a week number (1–53) or a date as dd.mm.yyyy.',
  'rota.savedInOtherWeek': 'The shift is saved in week {week}',
  'rota.savedInOtherWeekLink': 'go there',
  'date.format': 'dd.mm.yyyy',
  'date.invalid': 'Type the date as dd.mm.yyyy, e.g. 14.03.2027.',
};
