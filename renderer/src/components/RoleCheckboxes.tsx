// The role checkboxes (resepsjonist … administrator) as one field: `<RoleCheckboxes {...form.bind<Role[]>('roles')} legend=… hint=… />`.
import { ROLES } from '../../../domain/roles';
import type { Role } from '../../../domain/roles';
import { useT } from '../i18n';
import { capitalise, roleName } from '../i18n/labels';
import { CheckboxGroup } from './CheckboxGroup';
import type { CheckboxGroupProps } from './CheckboxGroup';

export function RoleCheckboxes(props: Omit<CheckboxGroupProps<Role>, 'options'>) {
  const { t } = useT();
  return <CheckboxGroup {...props} options={ROLES.map((role) => ({ value: role, label: capitalise(roleName(t, role)) }))} />;
}
