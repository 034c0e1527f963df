import { client as intake } from './generated/intake/client.gen';
import { client as notification } from './generated/notification/client.gen';
import { client as ranking } from './generated/ranking/client.gen';
import { client as scoring } from './generated/scoring/client.gen';
import { ApiError } from './problem';

type TokenSource = () => Promise<string | undefined>;
let tokenSource: TokenSource = async () => undefined;

/** Every request of the generated clients carries the signed-in person's access token, renewed when due. */
export function setAccessTokenSource(source: TokenSource): void {
  tokenSource = source;
}

// One origin: the console server (or Vite in development) forwards /api/<service> to each service.
for (const [name, client] of Object.entries({ intake, scoring, ranking, notification })) {
  client.setConfig({ baseUrl: `/api/${name}` });
  client.interceptors.request.use(async (request) => {
    const token = await tokenSource();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  });
}

interface Outcome<T> {
  data?: T;
  error?: unknown;
  response?: Response;
}

/** The data of a generated client's call, or an ApiError with the service's code, message and field problems. */
export async function call<T>(pending: Promise<Outcome<T>>): Promise<T> {
  let outcome: Outcome<T>;
  try {
    outcome = await pending;
  } catch (error) {
    throw ApiError.from(0, { message: (error as Error).message });
  }
  const { data, error, response } = outcome;
  if (!response) throw ApiError.from(0, error instanceof Error ? { message: error.message } : error);
  if (!response.ok || error !== undefined) throw ApiError.from(response.status, error);
  return data as T;
}

/** A text answer (CSV exports) through the same proxy and token. */
export async function fetchText(path: string): Promise<string> {
  const token = await tokenSource();
  let response: Response;
  try {
    response = await fetch(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  } catch (error) {
    throw ApiError.from(0, { message: (error as Error).message });
  }
  const text = await response.text();
  if (!response.ok) {
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // plain text
    }
    throw ApiError.from(response.status, body);
  }
  return text;
}
