import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { session } from '../../api/session';
import { ROLE_WORDS } from '../../lib/words';
import { organisationQuery } from './organisation';
import { SessionWatch } from '../auth/session-watch';
import { useSession } from '../auth/use-session';

const NAV: Record<string, { to: string; label: string }[]> = {
  placement_officer: [
    { to: '/referrals', label: 'Referrals' },
    { to: '/referrals/new', label: 'New referral' },
    { to: '/referrals/emergency', label: 'Emergency referral' },
    { to: '/placements', label: 'Placements' },
  ],
  admin: [
    { to: '/users', label: 'Users' },
    { to: '/alliances', label: 'Alliances' },
    { to: '/providers', label: 'Providers' },
    { to: '/audit', label: 'Audit trail' },
    { to: '/queues', label: 'Queues' },
  ],
  provider_user: [
    { to: '/inbox', label: 'Referrals sent to us' },
    { to: '/offers', label: 'Our offers' },
    { to: '/settings', label: 'Homes and vacancies' },
    { to: '/provider-placements', label: 'Placements' },
    { to: '/alerts', label: 'Alerts' },
    { to: '/market', label: 'Market position' },
  ],
  commissioner: [
    { to: '/sufficiency', label: 'Sufficiency' },
    { to: '/sufficiency/trend', label: 'Trend and forecast' },
    { to: '/sufficiency/step-downs', label: 'Step-downs' },
    { to: '/sufficiency/reserved-beds', label: 'Reserved beds' },
    { to: '/sufficiency/providers', label: 'Provider benchmarks' },
    { to: '/market', label: 'Market position' },
    { to: '/weights', label: 'Matching weights' },
  ],
};

export function Layout() {
  const current = useSession();
  const user = current?.user ?? session.expiredUser();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const organisation = useQuery({ ...organisationQuery(user), enabled: Boolean(current && user) });

  function signOut() {
    session.end();
    queryClient.clear();
    // Drafts and everything else this tab kept.
    sessionStorage.clear();
    void navigate({ to: '/sign-in', search: { next: undefined } });
  }

  return (
    <>
      <a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link">
        Skip to main content
      </a>
      <header className="app-header" role="banner">
        <div className="govuk-width-container">
          <Link to="/" className="app-header__name">
            Placement matching
          </Link>
          {user ? (
            <div className="app-header__user">
              <span>
                {user.displayName ?? user.email} · {ROLE_WORDS[user.role] ?? user.role}
                {organisation.data ? `, ${organisation.data}` : ''}
              </span>
              <Link to="/account/password" search={{ next: undefined }} className="app-header__link">
                Change your password
              </Link>
              <button type="button" className="app-link-button" onClick={signOut}>
                Sign out
              </button>
            </div>
          ) : null}
        </div>
      </header>
      <div className="govuk-width-container">
        {user ? <Nav items={NAV[user.role] ?? []} /> : null}
        <main className="govuk-main-wrapper" id="main-content" role="main" tabIndex={-1}>
          {user ? <SessionWatch /> : null}
          <Outlet />
        </main>
      </div>
      <Footer />
    </>
  );
}

function Nav({ items }: { items: { to: string; label: string }[] }) {
  if (items.length === 0) return null;
  return (
    <nav className="app-nav" aria-label="Main">
      <ul className="app-nav__list">
        {items.map((item) => (
          <li className="app-nav__item" key={item.to}>
            <Link to={item.to} activeOptions={{ exact: true }} activeProps={{ 'aria-current': 'page' }}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Footer(): ReactNode {
  return (
    <footer className="govuk-footer" role="contentinfo">
      <div className="govuk-width-container">
        <div className="govuk-footer__meta">
          <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
            <p className="govuk-body-s">
              Contains public sector information licensed under the{' '}
              <a className="govuk-footer__link" href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/">
                Open Government Licence v3.0
              </a>
              : Ofsted's register of children's social care providers, ONS postcode and boundary data, DfE statistics.
            </p>
          </div>
        </div>
      </div>
    </footer>
  );
}
