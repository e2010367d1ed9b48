// Norwegian (bokmål) texts of draft and published rota weeks: the "Utkast" notice, publishing, making weeks drafts, the printed draft mark.
export const rotaPublicationNb = {
  'publication.draftBadge': 'Utkast',
  'publication.draftNotice': '{office}, uke {week}: utkast. De ansatte ser ikke disse vaktene før uken er publisert.',
  'publication.publish': 'Publiser uke {weeks}',
  'publication.publishAbout': 'for {office}',
  'publication.publishTitle': 'Publisere uke {weeks}?',
  'publication.publishText':
    'Vaktene ved {office} i uke {weeks} blir synlige for de ansatte, og alle med vakter disse ukene får beskjed i innboksen sin. Senere endringer i vaktene deres får de også beskjed om.',
  'publication.publishConfirm': 'Publiser',
  'publication.published': 'Uke {weeks} ved {office} er publisert. {count} ansatte har fått beskjed.',
  'publication.nothingToPublish': 'Ukene var allerede publisert. Ingen har fått ny beskjed.',
  'publication.makeDraft': 'Planlegg som utkast fra uke {week}',
  'publication.makeDraftTitle': 'Gjøre uke {week} og senere til utkast?',
  'publication.makeDraftText':
    'Uke {week} og alle senere uker ved {office} blir utkast som bare ledere og administratorer ser, til du publiserer dem. Vakter som alt er lagt inn i disse ukene, blir borte for de ansatte til da.',
  'publication.makeDraftConfirm': 'Gjør til utkast',
  'publication.draftMade': 'Uke {week} og senere ved {office} er nå utkast.',
  'publication.printDraft': 'UTKAST – ikke publisert: {offices}. De ansatte ser ikke disse vaktene ennå.',
};
