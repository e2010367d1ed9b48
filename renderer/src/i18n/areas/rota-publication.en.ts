// English texts of draft and published rota weeks: the "Draft" notice, publishing, making weeks drafts, the printed draft mark.
import type { rotaPublicationNb } from './rota-publication.nb';

export const rotaPublicationEn: Record<keyof typeof rotaPublicationNb, string> = {
  'publication.draftBadge': 'Draft',
  'publication.draftNotice': '{office}, week {week}: draft. Staff do not see these shifts until the week is published.',
  'publication.publish': 'Publish weeks {weeks}',
  'publication.publishAbout': 'for {office}',
  'publication.publishTitle': 'Publish weeks {weeks}?',
  'publication.publishText':
    'The shifts at {office} in weeks {weeks} become visible to staff, and everyone with shifts in these weeks is told in their inbox. They are told about later changes to their shifts too.',
  'publication.publishConfirm': 'Publish',
  'publication.published': 'Weeks {weeks} at {office} are published. {count} staff members were told.',
  'publication.nothingToPublish': 'The weeks were already published. Nobody was told again.',
  'publication.makeDraft': 'Plan as a draft from week {week}',
  'publication.makeDraftTitle': 'Make week {week} and later weeks drafts?',
  'publication.makeDraftText':
    'Week {week} and every later week at {office} become drafts that only leads and administrators see, until you publish them. Shifts already planned in these weeks are hidden from staff until then.',
  'publication.makeDraftConfirm': 'Make drafts',
  'publication.draftMade': 'Week {week} and later at {office} are now drafts.',
  'publication.printDraft': 'DRAFT – not published: {offices}. Staff do not see these shifts yet.',
};
