/** Pages for what the server cannot do yet, and for addresses that lead nowhere. */
import { PageHeader } from '../components/common';
import { Link } from '../lib/router';

const BLURBS: Record<string, string> = {
  Blocks: 'Blocks will hold typed configuration and credentials that flows load by name.',
  Variables: 'Variables will hold small named values that flows read at run time.',
  Artifacts: 'Artifacts will show tables, links and Markdown that runs publish.',
  Automations: 'Automations will act on events: notify, pause a deployment, cancel a run.',
  Concurrency: 'Global and tag-based concurrency limits will be listed and edited here.',
};

export function ComingSoon({ title }: { title: string }) {
  return (
    <>
      <PageHeader title={title} />
      <div className="placeholder empty coming-soon">
        <strong>Coming soon</strong>
        <div className="muted">{BLURBS[title] ?? 'This part of Weir is not in the API yet.'}</div>
        <div className="muted">The server's API does not offer {title.toLowerCase()} yet; this page will fill in when it does.</div>
      </div>
    </>
  );
}

export function NotFound({ what = 'page' }: { what?: string }) {
  return (
    <>
      <PageHeader title="Not found" />
      <div className="placeholder empty not-found" data-testid="not-found">
        <strong>There is no such {what}.</strong>
        <div className="muted">It may have been deleted (runs past their retention are), or the address is mistyped.</div>
        <Link href="/runs">See all flow runs</Link>
      </div>
    </>
  );
}
