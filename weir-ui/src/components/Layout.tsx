/** The frame around every page: the navigation, the server-down banner and the content. */
import { useSyncExternalStore, type ReactNode } from 'react';
import { apiKey, connection, setApiKey } from '../lib/api';
import { Link, useLocation } from '../lib/router';

export const NAV: { href: string; label: string; soon?: boolean }[] = [
  { href: '/', label: 'Dashboard' },
  { href: '/runs', label: 'Flow runs' },
  { href: '/flows', label: 'Flows' },
  { href: '/deployments', label: 'Deployments' },
  { href: '/work-pools', label: 'Work pools' },
  { href: '/blocks', label: 'Blocks', soon: true },
  { href: '/variables', label: 'Variables', soon: true },
  { href: '/artifacts', label: 'Artifacts', soon: true },
  { href: '/automations', label: 'Automations', soon: true },
  { href: '/concurrency', label: 'Concurrency', soon: true },
  { href: '/events', label: 'Events' },
];

function active(href: string, path: string): boolean {
  if (href === '/') return path === '/';
  return path === href || path.startsWith(`${href}/`);
}

export function useConnection() {
  return useSyncExternalStore(
    connection.subscribe,
    () => `${connection.down}:${connection.needsKey}`,
    () => 'false:false',
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { path } = useLocation();
  const status = useConnection();
  const down = status.startsWith('true');
  return (
    <div className="app">
      <nav className="sidebar" aria-label="Main">
        <Link href="/" className="brand">
          <span aria-hidden="true">≋</span> Weir
        </Link>
        <ul>
          {NAV.map((item) => (
            <li key={item.href}>
              <Link href={item.href} className={active(item.href, path) ? 'active' : undefined} aria-current={active(item.href, path) ? 'page' : undefined}>
                {item.label}
                {item.soon && <span className="soon">soon</span>}
              </Link>
            </li>
          ))}
        </ul>
        {apiKey() && (
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setApiKey(null);
              connection.update({ needsKey: true });
            }}
          >
            Forget API key
          </button>
        )}
      </nav>
      <main className="content">
        {down && (
          <div className="banner" role="alert">
            The Weir server does not answer. Showing the last data loaded; retrying…
          </div>
        )}
        {children}
      </main>
    </div>
  );
}
