import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { webAppHandlers } from './web-app';

const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('webAppHandlers', () => {
  let root: string;
  let server: Server;
  let baseUrl: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'web-root-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(join(root, 'favicon.svg'), '<svg/>');
    const app = express();
    app.use(webAppHandlers(root));
    // Stands in for the API's own routes and its problem+json 404.
    app.use((request, response) => response.status(404).json({ passedThrough: request.path }));
    server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(root, { recursive: true, force: true });
  });

  async function get(path: string, accept = HTML, method = 'GET') {
    const response = await fetch(`${baseUrl}${path}`, { method, headers: { accept } });
    return {
      status: response.status,
      type: response.headers.get('content-type') ?? '',
      cache: response.headers.get('cache-control'),
      body: await response.text(),
    };
  }

  it.each([
    ['the root', '/'],
    ['a portal page', '/portal/tickets'],
    ['a deep link with an id', '/console/tickets/0b7e2f70-5c1a-4c47-9c3b-1f7e2d1e9a10'],
    ['a path with a dot', '/portal/catalog/v1.2'],
  ])('answers %s with the app shell for a browser', async (_what, path) => {
    const answer = await get(path);
    expect(answer).toMatchObject({ status: 200, cache: 'no-cache' });
    expect(answer.type).toContain('text/html');
    expect(answer.body).toContain('<div id="root">');
  });

  it('serves built assets with a long cache, and other files to revalidate', async () => {
    const asset = await get('/assets/index-abc123.js', '*/*');
    expect(asset).toMatchObject({ status: 200, body: 'console.log(1)' });
    expect(asset.cache).toContain('immutable');
    expect(await get('/favicon.svg', '*/*')).toMatchObject({ status: 200, cache: 'no-cache' });
  });

  it.each([
    ['an API path, even from a browser', '/api/v1/tickets', HTML, 'GET'],
    ['the API root', '/api', HTML, 'GET'],
    ['a health probe', '/health/ready', HTML, 'GET'],
    ['a missing asset', '/assets/gone.js', HTML, 'GET'],
    ['a client that wants JSON', '/portal', 'application/json', 'GET'],
    ['a client that takes anything (curl)', '/portal', '*/*', 'GET'],
    ['a POST', '/portal', HTML, 'POST'],
  ])('passes %s through untouched', async (_what, path, accept, method) => {
    const answer = await get(path, accept, method);
    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.body)).toEqual({ passedThrough: path });
  });

  it('refuses to start without a built app', () => {
    expect(() => webAppHandlers(join(root, 'assets'))).toThrow(/no index\.html/);
  });
});
