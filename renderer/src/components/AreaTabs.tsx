// Links styled as tabs for an area's views (each view has its own address, so Back and reload work); the current one has aria-current.
import { hrefFor } from '../app/routes';

export interface AreaTab {
  key: string;
  path: string;
  label: string;
}

export function AreaTabs({ label, tabs, current }: { label: string; tabs: readonly AreaTab[]; current: string | null }) {
  return (
    <nav className="area-tabs" aria-label={label}>
      <ul>
        {tabs.map((tab) => {
          const active = tab.key === current;
          return (
            <li key={tab.key}>
              <a className={`area-tab${active ? ' area-tab--active' : ''}`} href={hrefFor(tab.path)} aria-current={active ? 'page' : undefined}>
                {tab.label}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
