// Norwegian (bokmål) texts of the rota week screens' additions: go to a week or date, a shift saved in another week, private absences.
export const rotaWeekNb = {
  'rota.absencePrivate': 'Fravær',
  'week.goTo': 'Gå til uke eller dato',
  'week.goToHint': 'Ukenummer (14 eller 14/2027) eller dato (dd.mm.åååå)',
  'week.goToButton': 'Gå',
  'week.goToInvalid': 'Fant ingen uke eller dato i det du skrev. Skriv et ukenummer (1–53) eller en dato som dd.mm.åååå.',
  'rota.savedInOtherWeek': 'Vakten er lagret i uke {week}',
  'rota.savedInOtherWeekLink': 'gå dit',
  'date.format': 'dd.mm.åååå',
  'date.invalid': 'Skriv datoen som dd.mm.åååå, f.eks. 14.03.2027.',
};
