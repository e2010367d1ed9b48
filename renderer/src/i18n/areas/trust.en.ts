// English texts of trust: the root fingerprint and the admins' review of what sync set aside (Settings › Trust).
import type { trustNb } from './trust.nb';

export const trustEn: Record<keyof typeof trustNb, string> = {
  'trust.title': 'Trust and signing',
  'trust.intro':
    'Every change is signed by the person who made it, and every computer checks the signature before it uses the change. The fingerprint below must be the same at every office of the cooperation. If it differs, contact an administrator before you do anything else.',
  'trust.fingerprint': "The cooperation's fingerprint",
  'trust.rootAdmin': 'First administrator',
  'trust.noRoot': 'The cooperation has no signing key yet. It is made when the first administrator signs in after the upgrade.',
  'trust.setAsideTitle': 'Changes set aside',
  'trust.setAsideNone': 'No changes have been set aside. Everything this computer received was signed by someone allowed to make it.',
  'trust.setAsideIntro':
    '{count} {count:change from the shared service was|changes from the shared service were} not used because the check failed. They are kept here. Tell whoever runs the shared service, and find out which computer they came from.',
  'trust.colReceived': 'Received',
  'trust.colAuthor': 'Signed by',
  'trust.colReason': 'Why',
  'trust.colWhat': 'What',
  'trust.what': '{count} {count:field|fields} in {tables}',
  'trust.reason.trust.badSignature': 'The signature does not match (changed or forged)',
  'trust.reason.trust.unknownAuthor': 'Unknown sender or key',
  'trust.reason.trust.inactiveAuthor': 'The user was deactivated',
  'trust.reason.trust.forbidden': 'The role does not allow this change',
  'trust.reason.trust.writeOnce': 'An attempt to rewrite something that is written once',
  'trust.reason.trust.unsigned': 'An unsigned change after signing began',
  'trust.reason.trust.rootMismatch': "Wrong root key for the cooperation",
  'trust.reason.trust.signerNotAdmin': 'Signed by someone who was not an administrator',
  'trust.reason.trust.badRecord': 'An invalid authority record',
  'trust.reason.trust.duplicateAccount': 'The account existed already',
  'trust.reason.trust.unknownSubject': 'Unknown user in the authority record',
  'trust.refusedRecords': '{count} {count:authority record does not count because it was|authority records do not count because they were} not validly signed by an administrator.',
  'trust.withoutKeyTitle': 'Users without a key yet',
  'trust.withoutKeyIntro':
    'These users existed before signing began and get a key the next time they sign in. Until then you can reset their password to give them a new key at once.',
};
