import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { static as serveStatic } from 'express';

/** Paths the API and the probes own: the web app never answers them, not even with a 404 page. */
const SERVER_PATHS = /^\/(api|health)(\/|$)/;

/** Vite names built assets by their content hash, so they never change under one URL. */
const HASHED_ASSETS = /^\/assets\//;
const ASSET_MAX_AGE_SECONDS = 365 * 24 * 3600;

/**
 * Serves the built web app (`dist/services/web`) from `/`: its files as they are, and
 * `index.html` for any other page a browser asks for (GET or HEAD accepting text/html), so deep
 * links like /console/tickets/<id> load the app, which routes on the client. The API, health
 * probes and requests that do not want HTML pass through untouched.
 */
export function webAppHandlers(webRoot: string): RequestHandler[] {
  const root = resolve(webRoot);
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) {
    throw new Error(`WEB_ROOT ${root} has no index.html: build the web app (nx run web:build)`);
  }
  const files = serveStatic(root, {
    index: false,
    fallthrough: true,
    redirect: false,
    setHeaders: (response, path) => {
      const relative = path.slice(root.length).replaceAll('\\', '/');
      response.setHeader(
        'Cache-Control',
        HASHED_ASSETS.test(relative)
          ? `public, max-age=${ASSET_MAX_AGE_SECONDS}, immutable`
          : 'no-cache',
      );
    },
  });
  const staticFiles: RequestHandler = (request, response, next) => {
    if (SERVER_PATHS.test(request.path)) return next();
    return files(request, response, next);
  };
  const appShell: RequestHandler = (request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    if (SERVER_PATHS.test(request.path) || HASHED_ASSETS.test(request.path)) return next();
    if (!request.accepts('html') || request.accepts(['json', 'html']) === 'json') return next();
    // The shell must be revalidated so a deployment's new asset names are picked up.
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(indexFile, (error) => {
      if (error) next(error);
    });
  };
  return [staticFiles, appShell];
}
