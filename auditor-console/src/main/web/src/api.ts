// Reads from the services' existing endpoints with the signed-in user's bearer token; never writes.
import type { ConsoleConfig } from './model';

export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export async function loadConfig(): Promise<ConsoleConfig> {
  const response = await fetch('config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`The console’s configuration could not be read (${response.status}).`);
  return response.json();
}

export type Query = Record<string, string | number | undefined | null>;

export class Api {
  constructor(private readonly config: ConsoleConfig, private readonly token: string) {}

  services(): string[] {
    return Object.keys(this.config.services);
  }

  has(service: string): boolean {
    return service in this.config.services;
  }

  url(service: string, path: string, query: Query = {}): string {
    const base = this.config.services[service];
    if (base === undefined) throw new Error(`The console is not configured to reach ${service}.`);
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
    }
    const search = params.toString();
    return `${base}${path}${search ? `?${search}` : ''}`;
  }

  private async fetch(service: string, path: string, query: Query, accept: string): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(this.url(service, path, query), {
        headers: { Authorization: `Bearer ${this.token}`, Accept: accept },
      });
    } catch {
      throw new ApiError(0, `${service} cannot be reached.`);
    }
    if (!response.ok) {
      let detail = `${service} answered ${response.status}.`;
      try {
        const problem = await response.json();
        if (problem?.detail) detail = `${service}: ${problem.detail}`;
      } catch {
        // not problem+json: the status says enough
      }
      throw new ApiError(response.status, detail);
    }
    return response;
  }

  async get<T>(service: string, path: string, query: Query = {}): Promise<T> {
    return (await this.fetch(service, path, query, 'application/json')).json();
  }

  /** null when the service answers 404 (e.g. an aggregate that did not exist yet at that moment). */
  async getOrNull<T>(service: string, path: string, query: Query = {}): Promise<T | null> {
    try {
      return await this.get<T>(service, path, query);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return null;
      throw e;
    }
  }

  /** A file as the service names it (Content-Disposition), for the browser to save. */
  async download(service: string, path: string, query: Query, fallbackName: string): Promise<{ blob: Blob; name: string }> {
    const response = await this.fetch(service, path, query, '*/*');
    const disposition = response.headers.get('Content-Disposition') ?? '';
    const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? fallbackName;
    return { blob: await response.blob(), name };
  }
}
