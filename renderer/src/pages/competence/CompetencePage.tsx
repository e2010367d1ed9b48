// Kompetanse: chooses the view for #/competence[/<view>|/<staffId>] by role — tabs for leads, admins and doctors, "Min kompetanse" for everyone else.
import { can } from '../../app/permissions';
import { NoAccess, PageHeader } from '../../components/page';
import { useT } from '../../i18n';
import { useSession } from '../../stores/session';
import { isCompetenceView } from './competence-format';
import type { CompetenceView } from './competence-format';
import { CompetenceTabs } from './competence-parts';
import { CoverageView } from './CoverageView';
import { ExpiringView } from './ExpiringView';
import { MatrixView } from './MatrixView';
import { PersonPage } from './PersonPage';
import { TypesView } from './TypesView';
import '../../styles/competence.css';

export function CompetencePage({ item }: { item: string | null }) {
  const user = useSession((state) => state.user);
  if (!user) return null;
  const viewer = can(user, 'viewCompetence');
  if (item === null) return viewer ? <CompetenceViews view="expiring" /> : <PersonPage staffId={user.staffId} />;
  if (isCompetenceView(item)) return viewer ? <CompetenceViews view={item} /> : <NoAccess />;
  return <PersonPage staffId={item} />;
}

function CompetenceViews({ view }: { view: CompetenceView }) {
  const { t } = useT();
  return (
    <section className="page--wide competence-page">
      <PageHeader title={t('competence.title')} />
      <CompetenceTabs current={view} />
      {view === 'expiring' && <ExpiringView />}
      {view === 'matrix' && <MatrixView />}
      {view === 'coverage' && <CoverageView />}
      {view === 'types' && <TypesView />}
    </section>
  );
}
