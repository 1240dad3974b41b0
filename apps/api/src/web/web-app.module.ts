import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type DynamicModule, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';

/**
 * Paths the browser app must never answer: the API (an unknown `/api/...` path keeps the
 * contract's JSON 404), health, the OpenAPI document and UI, the queue dashboard, and missing
 * build files (a stale tab asking for an old bundle gets a 404, not the app's HTML).
 */
export const NOT_THE_WEB_APP = /^\/(?:api\/|api$|health(?:\/|$)|docs|admin\/queues|assets\/)/;

/** Where `npm run build` puts the web app: dist/web, from the compiled api or from the sources. */
export function webAppRoot(): string | null {
  const candidates = [resolve(__dirname, '../../../../web'), resolve(process.cwd(), 'dist/web')];
  return candidates.find((candidate) => existsSync(join(candidate, 'index.html'))) ?? null;
}

/**
 * Serves the browser app at `/` on the api's own origin, and its index for every other GET path
 * (deep links such as `/referrals/<id>`). Without a build (api-only development and tests) the
 * api runs as before.
 */
@Module({})
export class WebAppModule {
  static forRoot(root = webAppRoot()): DynamicModule {
    if (!root) return { module: WebAppModule };
    return {
      module: WebAppModule,
      imports: [
        ServeStaticModule.forRoot({
          rootPath: root,
          exclude: NOT_THE_WEB_APP,
          serveStaticOptions: {
            index: false,
            setHeaders: (response: { setHeader(name: string, value: string): void }, path: string) => {
              // Vite names every built file after its content: keep them; always revalidate the index.
              const hashed = /[/\\]assets[/\\]/.test(path);
              response.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
            },
          },
        }),
      ],
    };
  }
}
