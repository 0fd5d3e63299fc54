/** Asks for an API key when the server has auth on; the key lives in sessionStorage for this tab only. */
import { useState, type FormEvent } from 'react';
import { api, connection, setApiKey, UnauthorizedError } from '../lib/api';

export function KeyPrompt() {
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecking(true);
    setError(null);
    setApiKey(key.trim());
    try {
      await api.version();
      connection.update({ needsKey: false });
    } catch (e) {
      setApiKey(null);
      setError(e instanceof UnauthorizedError ? 'The server did not accept this key.' : e instanceof Error ? e.message : String(e));
    } finally {
      setChecking(false);
    }
  };

  return (
    <div className="key-prompt">
      <form onSubmit={submit} aria-labelledby="key-title">
        <h1 id="key-title">This Weir server needs an API key</h1>
        <p className="muted">
          Create one with <code>weir api-key create --role viewer</code>. It is kept in this browser tab only (session storage) and sent as
          a Bearer token.
        </p>
        <label>
          API key
          <input type="password" autoComplete="off" autoFocus value={key} onChange={(e) => setKey(e.target.value)} required />
        </label>
        {error && (
          <div className="error-text" role="alert">
            {error}
          </div>
        )}
        <button type="submit" disabled={checking || !key.trim()}>
          {checking ? 'Checking…' : 'Continue'}
        </button>
      </form>
    </div>
  );
}
