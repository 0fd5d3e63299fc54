/** The routes: one page per path. */
import { Layout, NAV, useConnection } from './components/Layout';
import { KeyPrompt } from './components/KeyPrompt';
import { match, useLocation } from './lib/router';
import { ComingSoon, NotFound } from './pages/Placeholders';
import { Dashboard } from './pages/Dashboard';
import { FlowRuns } from './pages/FlowRuns';
import { FlowRunPage } from './pages/FlowRunPage';
import { Flows, FlowPage } from './pages/Flows';
import { Events } from './pages/Events';
import { DeploymentPage, Deployments } from './pages/Deployments';
import { WorkPoolPage, WorkPools } from './pages/WorkPools';

function Page({ path }: { path: string }) {
  if (path === '/') return <Dashboard />;
  if (path === '/runs') return <FlowRuns />;
  let params = match('/runs/:id', path);
  if (params) return <FlowRunPage key={params.id} id={params.id} />;
  if (path === '/flows') return <Flows />;
  params = match('/flows/:name', path);
  if (params) return <FlowPage key={params.name} name={params.name} />;
  if (path === '/deployments') return <Deployments />;
  params = match('/deployments/:id', path);
  if (params) return <DeploymentPage key={params.id} id={params.id} />;
  if (path === '/work-pools') return <WorkPools />;
  params = match('/work-pools/:name', path);
  if (params) return <WorkPoolPage key={params.name} name={params.name} />;
  if (path === '/events') return <Events />;
  const soon = NAV.find((item) => item.soon && item.href === path);
  if (soon) return <ComingSoon title={soon.label} />;
  return <NotFound />;
}

export function App() {
  const { path } = useLocation();
  const status = useConnection();
  if (status.endsWith('true')) return <KeyPrompt />;
  return (
    <Layout>
      <Page path={path.length > 1 ? path.replace(/\/+$/, '') : path} />
    </Layout>
  );
}
