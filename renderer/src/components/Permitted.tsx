// Shows a page only to users with a permission; everyone else sees "Ingen tilgang" and the page makes no request at all.
import type { ReactNode } from 'react';
import { can } from '../app/permissions';
import type { Permission } from '../app/permissions';
import { useSession } from '../stores/session';
import { NoAccess } from './page';

export function Permitted({ permission, children }: { permission: Permission; children: ReactNode }) {
  const user = useSession((state) => state.user);
  return can(user, permission) ? children : <NoAccess />;
}
